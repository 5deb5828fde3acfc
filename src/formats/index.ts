/** Pure byte <-> data codecs: IDX, .npy/.npz, pickle, weights JSON, ONNX. No file system here. */
export * from './errors';
export * from './idx';
export * from './ndarray';
export * from './npy';
export * from './npz';
export * from './pickle';
export { type PickleTensor, type PickleWriteOptions, writePickledArrays } from './pickle-writer';
export * from './weights-json';
export { foldLayers, type FoldedLayer, type OnnxExportOptions, writeOnnx } from './onnx';
export { type OnnxConvNet, type OnnxConvStage, writeConvOnnx } from './onnx-convnet';
export * from './weights';
