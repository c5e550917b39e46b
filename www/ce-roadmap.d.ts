// Type definitions for ce-roadmap.js, the drop-in credential roadmap widget.

export type Lang = "ja" | "en";
export type Mode = "prospective" | "student" | "licensed" | "it" | "choose";
export type Stage = "prospective" | "student" | "licensed" | "it";
export type Status = "held" | "eligible" | "waiting" | "action";
export type CriterionKind =
  | "any_of" | "all_of" | "licence" | "experience" | "membership" | "cases" | "credential" | "course" | "units" | "exam";
/** Why a credential cannot be dated yet (`earliest.blocked_by`). */
export type BlockerKind =
  | "licence" | "school" | "area" | "work" | "cases_rate" | "cases_once_working" | "cases_unknown" | "cases_window" | "cycle" | "credential"
  | "experience_unknown";
/** What `earliest.obtain` rests on. */
export type ObtainBasis = "certification" | "sitting" | "conditions";
/** What a projected date takes for granted (`earliest.assumptions`). */
export type AssumptionKind =
  | "join_at_licence" | "course_dates" | "units_in_time" | "cases_in_window" | "exam_dates" | "results" | "pass_first"
  | "application_dates" | "full_time_study" | "registration";

/** Where a visitor stands. Ids are those of the rule file (see README.md). */
export interface Profile {
  /** The date the answers describe, "YYYY-MM-DD"; default: the evaluation date. */
  as_of?: string;
  stage?: Stage;
  licences?: string[];
  /** Prospective students and students: their licence counts from its registration, taken as 1 June of start_year + years (an assumption the rules state);
   * `years` is a course length of the rules (`licence_route.school_years`; the default rules: 1, 2, 3 or 4). */
  school?: { years: number; start_year: number };
  plan_areas?: string[];
  /** Completed years per area, assumed ongoing. */
  experience?: Record<string, number>;
  /** Completed years of clinical practice since the licence, in any area, assumed ongoing: what a rule
   * asking for clinical work in any area counts. Without it, the clinical area with the most years stands
   * (never the sum; the criterion says `largest_area`). Work in a non-clinical area (`medical_it`, `it`) never counts. */
  clinical_years?: number;
  /** Consecutive years with dues paid, assumed ongoing; a body listed = a member. */
  membership?: Record<string, number>;
  cases?: Record<string, number>;
  units?: Record<string, number>;
  courses?: string[];
  held?: string[];
  /** The calendar year each held credential was obtained (or last renewed), e.g. `{"dialysis_tech": 2024}`: gives `renewal_due`. A credential here must be in `held`. */
  held_since?: Record<string, number>;
  passed_exams?: string[];
  /** Credentials the visitor aims for: the plan holds these and what they need. */
  targets?: string[];
  /** Cases a year by case kind, to date case counts. */
  case_rates?: Record<string, number>;
  /** Graduate school as the visitor's own choice (never a requirement): "doctor" is the master's, then the doctoral course; the courses' years come from the rules' `graduate_school`. The plan gets `graduate_start` / `graduate_finish` steps (`choice: true`); "full_time" study counts as neither work nor cases. For someone in school, not before start_year + years. */
  graduate?: { degree: "master" | "doctor"; mode: "full_time" | "working"; start_year: number };
}

export interface PlanStep {
  action: Action;
  target: string;
  /** Done by this date ("YYYY-MM-DD") for the dates to hold; where `scheduled` is false, only the fiscal year it belongs to. */
  by: string;
  /** Not before this date. */
  from: string;
  amount?: number;
  /** units: the total the rule asks (the visitor has `need - amount`). */
  need?: number;
  /** units, courses: counted within this many years before the date. */
  within_years?: number;
  /** False when the step's timing rests on no published schedule (a course, meeting, units, or an exam
   * without dates in the rules): no day is given for it ("at the next session (dates not published)"),
   * and the calendar file has no event for it. */
  scheduled: boolean;
  credentials?: string[];
  /** A two-stage credential's step that its certification needs (after the exam); absent otherwise. */
  for_certification?: boolean;
  /** The visitor's own choice (graduate school), needed by no credential; absent otherwise. */
  choice?: boolean;
  text: Text;
}

export interface Earliest {
  on: string | null;
  fiscal_year: number | null;
  /** The first sitting open to someone ready on `on` ("YYYY-MM"): after its application deadline where one is published. */
  sitting: string | null;
  /** The last day to apply for `sitting`, where the rules publish it. */
  apply_by?: string;
  certify_on: string | null;
  /** When the visitor can first hold the title: a two-stage credential at its certification ("certification"),
   * an exam credential at its first known sitting ("sitting"), else when its conditions are met ("conditions",
   * the sitting being unpublished). Null date and year when it cannot be dated. */
  obtain: { fiscal_year: number | null; date: string | null; basis: ObtainBasis };
  /** The dates rest on something without published dates (a course, meeting, exam month or deadline):
   * the earliest possible (「早くても」), not a promise. */
  lower_bound: boolean;
  steps: PlanStep[];
  blocked_by: { kind: BlockerKind; target?: string; text: Text }[];
  assumptions: { kind: AssumptionKind; text: Text }[];
  requires?: string[];
}

export interface Text { ja: string; en: string }
export interface SourceRef { id: string; url: string; read: string }

export interface Criterion {
  kind: CriterionKind;
  met: boolean;
  /** Unmet, but time alone will meet it. */
  waiting: boolean;
  time_based: boolean;
  have: number | null;
  need: number | null;
  unit?: "years" | "cases" | "units" | "credentials";
  met_on: string | null;
  area?: string;
  body?: string;
  case_kind?: string;
  ids?: string[];
  /** credential: all of `ids` are needed (else any one). */
  need_all?: true;
  within_years?: number;
  /** experience: the rule asks that the work still goes on. */
  still_working?: true;
  /** The clock behind a time criterion runs (working in the area, a member...). */
  ongoing?: true;
  /** course: not needed because of a held credential or a passed exam. */
  exempt?: true;
  /** cases, experience: the number is not published. */
  need_unknown?: true;
  /** experience in any clinical area without `clinical_years`: `have` is the longest single clinical area. */
  largest_area?: true;
  /** cases: counts of kinds the rule also asks for, each with its own minimum. */
  sub_counts?: SubCount[];
  options?: Criterion[];
  source: SourceRef | null;
  note?: Text;
  text: Text;
}

export interface SubCount {
  case_kind: string;
  have: number;
  need: number;
  met: boolean;
}

/** What a step asks of the visitor (the plan also has "apply": the last day to apply for a sitting, where published; "sit": an exam's sitting; "renew": a held credential's renewal, `from` 1 January to `by` 31 December of the year it falls due; "graduate_start" / "graduate_finish": entering (1 April) and finishing (31 March) a graduate course chosen in the profile, target "master" or "doctor"). */
export type Action = "licence" | "work_in_area" | "work" | "join" | "course" | "units" | "cases" | "credential" | "exam" | "apply" | "sit" | "renew" | "graduate_start" | "graduate_finish";

export interface Step {
  action: Exclude<Action, "apply" | "sit" | "renew" | "graduate_start" | "graduate_finish">;
  target: string;
  unblocks: number;
  affects: number;
  credentials?: string[];
  text: Text;
}

export interface CredentialResult {
  id: string;
  name: Text;
  body: { id: string; ja: string; en: string; url: string | null };
  tier: "open" | "certification" | "specialist";
  areas: string[];
  status: Status;
  stage: "exam" | "certify";
  ready_on: string | null;
  next_sitting: string | null;
  /** The last day to apply for `next_sitting`, where the rules publish it. */
  apply_by?: string;
  criteria: Criterion[];
  certify_criteria?: Criterion[];
  next_steps: Step[];
  exam_months: number[] | null;
  /** Published application windows ("MM-DD"), one per exam month at most. */
  /** `example_year`: the year of an old notice the window was read from ("2017 example"). */
  applications?: { exam_month: number; opens?: string; closes: string; example_year?: number; source: string; note?: Text }[];
  sources: SourceRef[];
  /** What the exam is, where the rules say. */
  exam: Note | null;
  renewal: { every_years: number | null; ja: string; en: string; source: string } | null;
  /** Held credentials with `held_since` and a published cycle: the calendar year the renewal falls due (the day is on the certificate). */
  renewal_due?: number;
  /** What the source article (seed) says of when it can be had, and whether the rules differ. */
  seed: { clinical_year: number | null; ja: string; en: string; differs: boolean } | null;
  notes: Note[];
  /** What the sources do not say. */
  unknowns: Note[];
  /** Absent for held credentials. */
  earliest?: Earliest;
}

export interface Note { ja: string; en: string; source: string | null }

export interface Roadmap {
  rules: { version: string; sha256: string };
  as_of: string;
  profile_as_of: string;
  stage: Stage;
  licence: { id: string; status: "held" | "expected" | "none"; on: string | null; exam: string | null; fiscal_year: number | null };
  credentials: CredentialResult[];
  next_steps: Step[];
  /** Credentials by the fiscal year they can first be held (`earliest.obtain`), by time alone or after steps. */
  timeline: { fiscal_year: number; credentials: string[]; after_steps?: string[] }[];
  /** Without targets: the credentials in focus (the profile's areas, the general ones, what they need; none
   * that another way already made pointless); with targets: those and what they need. `opens`: the
   * credentials that can first be held that year (`earliest.obtain`); `certifies`: two-stage ones certified then. */
  plan: { fiscal_year: number; steps: PlanStep[]; opens: string[]; certifies?: string[] }[];
  /** For `prospective` with a school: each course length of the licence route, side by side. */
  routes?: Route[];
  disclaimer: Text;
}

/** One course length, counted from the same April after high school. */
export interface Route {
  school_years: number;
  /** The April the course itself starts: after the study it needs first (`prior_study`), if any. */
  start_year: number;
  /** Years at a university or similar (at a technical college, more) with the designated subjects, before the course. */
  prior_study: { years: number; technical_college_years: number; source: SourceRef | null } | null;
  /** The profile's own `school.years`. */
  chosen: boolean;
  /** The national exam ("YYYY-MM") and the day the licence is counted from. */
  exam: string | null;
  licence_on: string | null;
  licence_fiscal_year: number | null;
  /** Per planned area, the credential that can be had first on this route: at its certification if it has two stages, else when its conditions are met. */
  first: { area: string; credential: string; on: string; fiscal_year: number }[];
  /** Planned areas this route cannot date: the area's first credential (null if none) and what blocks its date. */
  undated: { area: string; credential: string | null; blocked_by: { kind: BlockerKind; target?: string; text: Text } | null }[];
}

export interface RuleError { path: string; line: number | null; message: string }

export interface MountOptions {
  // options: generated from crates/web/options.json by `node scripts/options.mjs --write`
  /** The language; the visitor can still switch. Default: `ja`. */
  lang?: Lang;
  /** Fixes the kind of visitor and skips the first question: `prospective` for a school's admissions page, `licensed` for a member portal. Default: `choose`. */
  mode?: Mode;
  /** Shows only these areas and their credentials (plus the general ones). A dialysis clinic: `blood_purification`. Default: all. */
  areas?: string;
  /** For a school's page: its own course, chosen first for `prospective` and `student` visitors and marked as this school's in the comparison of courses. The visitor can still choose another. Default: none (3 years is shown first). */
  route?: string;
  /** Shows `prospective` visitors the national schemes that help with school fees, each with its official source; `off` hides them (for a page that explains its own). Default: true. */
  fees?: boolean;
  /** A newer rule file on your site (compiled with `ce-roadmap compile`, or JSON; see below). Default: the built-in rules. */
  rules?: string;
  /** The rule file itself rather than its address (the JavaScript API only). Default: the built-in rules. */
  rulesText?: string;
  /** If your rule file is invalid: `off` shows an error with the place of the mistake; `on` shows the built-in rules with a notice. Default: false. */
  fallback?: boolean;
  /** Offers visitors "save on this device" (their browser's local storage). Default: true. */
  save?: boolean;
  /** A fixed date, for demos and screenshots. Default: today (Japan). */
  asOf?: string;
  /** Reads shared answers from the page address's `#fragment` (the JavaScript API only). Default: true. */
  readLink?: boolean;
  // /options
}

export interface WidgetHandle {
  /** Merges the options with the current ones and re-renders. */
  update(options: MountOptions): Promise<void>;
  destroy(): void;
}

export function mount(element: Element, options?: MountOptions): Promise<WidgetHandle>;
/**
 * Every entry point returns a Promise: the evaluation module (`ce_roadmap_eval*`) is fetched
 * the first time `evaluate` is called, and rules given as JSON (an object or its text) wait
 * for the rule compiler module, fetched the first time. Compiled rules (`ce-roadmap compile`)
 * are read directly.
 */
export function evaluate(profile: Profile, options?: { asOf?: string; rules?: object | string | Uint8Array }): Promise<Roadmap>;
/** Every error in a rule file, with paths; [] when valid. Fetches the rule compiler module. */
export function validateRules(rules: object | string): Promise<RuleError[]>;
export const version: string;

declare global {
  interface Window {
    CeRoadmap: { mount: typeof mount; evaluate: typeof evaluate; validateRules: typeof validateRules; version: string };
  }
  interface HTMLElementTagNameMap {
    "ce-roadmap": HTMLElement;
  }
}
