/** Reads the Kafka wire format from one response body. */
export class WireReader {
  private at = 0;

  constructor(private readonly buffer: Buffer) {}

  int8(): number {
    return this.buffer.readInt8(this.at++);
  }

  int16(): number {
    const v = this.buffer.readInt16BE(this.at);
    this.at += 2;
    return v;
  }

  int32(): number {
    const v = this.buffer.readInt32BE(this.at);
    this.at += 4;
    return v;
  }

  uvarint(): number {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = this.buffer[this.at++];
      value |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return value >>> 0;
      shift += 7;
    }
  }

  /** NULLABLE_STRING: int16 length, -1 for null. */
  string(): string | null {
    const length = this.int16();
    if (length < 0) return null;
    const v = this.buffer.toString('utf8', this.at, this.at + length);
    this.at += length;
    return v;
  }

  /** BYTES: int32 length. */
  sizedBytes(): Buffer {
    const length = this.int32();
    const v = this.buffer.subarray(this.at, this.at + Math.max(length, 0));
    this.at += Math.max(length, 0);
    return v;
  }

  compactString(): string | null {
    const length = this.uvarint() - 1;
    if (length < 0) return null;
    const v = this.buffer.toString('utf8', this.at, this.at + length);
    this.at += length;
    return v;
  }

  skip(bytes: number): void {
    this.at += bytes;
  }

  skipTaggedFields(): void {
    const count = this.uvarint();
    for (let i = 0; i < count; i++) {
      this.uvarint(); // tag
      this.at += this.uvarint(); // size + data
    }
  }
}
