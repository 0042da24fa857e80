/** A record's reference to an evidence object, and what that object must be. */
export interface EvidenceReference {
  /** The request field that holds the reference, named in the problem (`evidence[2]`, `reportDocumentId`). */
  field: string;
  objectId: string;
  /** The evidence kind the object must have (`order-screenshot`, `lab-report`). */
  kind: string;
  /** The batch the object must belong to. */
  batchNumber: string;
}
