/**
 * The book's ch05/layer_naive.py: the multiplication and addition nodes of a computational graph
 * (§5.4), on plain numbers. Each node keeps what its backward needs, as the book's layers do.
 */

/** A × node (MulLayer): out = x · y; backward: dx = dout · y, dy = dout · x (the inputs swapped). */
export class MulLayer {
  private x = 0;
  private y = 0;

  /** out = x · y; remembers x and y. */
  forward(x: number, y: number): number {
    this.x = x;
    this.y = y;
    return x * y;
  }

  /** [dx, dy] = [dout · y, dout · x]. */
  backward(dout: number): [number, number] {
    return [dout * this.y, dout * this.x];
  }
}

/** A + node (AddLayer): out = x + y; backward passes dout on to both inputs unchanged. */
export class AddLayer {
  /** out = x + y. */
  forward(x: number, y: number): number {
    return x + y;
  }

  /** [dx, dy] = [dout · 1, dout · 1]. */
  backward(dout: number): [number, number] {
    return [dout * 1, dout * 1];
  }
}
