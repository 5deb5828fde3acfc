// The float32 WebAssembly SIMD kernels (AssemblyScript). Same contract as src/nn/kernels.ts.
//
// Letters: n = batch rows, k = inner (input features), m = output features. Row-major, flat.
// Every argument named like a matrix is a byte address in this module's memory; the JS side
// (src/nn/kernels-wasm.ts) owns that memory and hands out the addresses.
//
// How the speed is found:
// - A v128 holds 4 float32 lanes. A row of m columns is ceil(m/4) vectors; the last one may be
//   partial. Loads may read up to 3 floats past a row (the allocator pads every buffer), but
//   stores of a partial vector write only the live lanes.
// - Columns are processed in strips of up to 7 vectors whose accumulators stay in registers
//   (x86-64 has 16 vector registers), so each output element is written exactly once.
// - Sparse kernels walk only the non-zero pixels (about 19 % of an MNIST image).

export * from './sparse';
export * from './dense';
export * from './gemm';
export * from './conv';
