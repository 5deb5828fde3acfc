/**
 * A tiny Protocol Buffers encoder: just enough wire format to write an ONNX model.
 * A message is a list of fields; each field is a key (field number << 3 | wire type) then
 *   wire type 0: a varint (7 bits per byte, low bits first, high bit = "more follows"),
 *   wire type 2: a varint length then that many bytes (strings, bytes, nested messages, packed),
 *   wire type 5: 4 little-endian bytes (float).
 */

/** Builds one message's bytes field by field. */
export class ProtoWriter {
  private chunks: Uint8Array[] = [];
  private length = 0;

  private push(bytes: Uint8Array): this {
    this.chunks.push(bytes);
    this.length += bytes.length;
    return this;
  }

  private varint(value: number | bigint): this {
    // Negative int64 values are written as their 64-bit two's complement (10 bytes).
    let v = BigInt.asUintN(64, BigInt(value));
    const out: number[] = [];
    do {
      const low = Number(v & 0x7fn);
      v >>= 7n;
      out.push(v > 0n ? low | 0x80 : low);
    } while (v > 0n);
    return this.push(Uint8Array.from(out));
  }

  private key(field: number, wireType: 0 | 2 | 5): this {
    return this.varint((field << 3) | wireType);
  }

  /** An int32/int64/enum/bool field (wire type 0). */
  int(field: number, value: number | bigint): this {
    return this.key(field, 0).varint(value);
  }

  /** A float field (wire type 5). */
  float(field: number, value: number): this {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, value, true);
    return this.key(field, 5).push(b);
  }

  /** A bytes field (wire type 2). */
  bytes(field: number, value: Uint8Array): this {
    return this.key(field, 2).varint(value.length).push(value);
  }

  /** A string field, UTF-8 (wire type 2). */
  string(field: number, value: string): this {
    return this.bytes(field, new TextEncoder().encode(value));
  }

  /** A nested message field (wire type 2). */
  message(field: number, build: (w: ProtoWriter) => void): this {
    const inner = new ProtoWriter();
    build(inner);
    return this.bytes(field, inner.finish());
  }

  /** The message's bytes. */
  finish(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}
