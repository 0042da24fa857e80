/** A category a lab is accredited to test, with the standards it may apply (empty: any standard). */
export interface LabScope {
  category: string;
  standards: string[];
}
