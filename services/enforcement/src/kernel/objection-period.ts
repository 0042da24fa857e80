/**
 * Days to object after receiving the result notice or the public notice (十五日内). The rule that
 * judges an objection's filing is objections/objection-window.ts; notices state the period's end
 * in `result-notified` and finality waits for it, so the number lives here, below all three.
 */
export const OBJECTION_PERIOD_DAYS = 15;
