/** Big-endian writer for the Kafka wire format (fixed ints, unsigned varints, strings, bytes). */
export class WireWriter {
  private readonly parts: Buffer[] = [];

  int8(value: number): this {
    const b = Buffer.alloc(1);
    b.writeInt8(value);
    return this.push(b);
  }

  int16(value: number): this {
    const b = Buffer.alloc(2);
    b.writeInt16BE(value);
    return this.push(b);
  }

  int32(value: number): this {
    const b = Buffer.alloc(4);
    b.writeInt32BE(value);
    return this.push(b);
  }

  uvarint(value: number): this {
    const bytes: number[] = [];
    let v = value >>> 0;
    while (v >= 0x80) {
      bytes.push((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    bytes.push(v);
    return this.push(Buffer.from(bytes));
  }

  /** STRING / NULLABLE_STRING: int16 length. */
  string(value: string): this {
    const b = Buffer.from(value, 'utf8');
    return this.int16(b.length).push(b);
  }

  /** BYTES: int32 length. */
  sizedBytes(value: Buffer): this {
    return this.int32(value.length).push(value);
  }

  compactString(value: string): this {
    return this.compactBytes(Buffer.from(value, 'utf8'));
  }

  compactBytes(value: Buffer): this {
    return this.uvarint(value.length + 1).push(value);
  }

  bytes(): Buffer {
    return Buffer.concat(this.parts);
  }

  private push(b: Buffer): this {
    this.parts.push(b);
    return this;
  }
}
