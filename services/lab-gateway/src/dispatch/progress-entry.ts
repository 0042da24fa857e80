/** One progress update a lab posted on an assignment. */
export interface ProgressEntry {
  stage: string;
  note: string | null;
  at: string;
}
