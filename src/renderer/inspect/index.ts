/**
 * Draw, classify, look inside: the renderer's inspect views. Mount them anywhere with a LabApi,
 * the runs and the selected run id (their words are in the shared dictionaries, src/shared/i18n).
 */
import './inspect-draw.css';
import './inspect-data.css';

export { DrawPanel, type DrawPanelProps } from './DrawPanel';
export { DrawingCanvas, type DrawingCanvasProps } from './DrawingCanvas';
export { PredictionReadout, type PredictionReadoutProps } from './PredictionReadout';
export { ActivationStrips, type ActivationStripsProps } from './ActivationStrips';
export { WeightVisualizer, type WeightVisualizerProps } from './WeightVisualizer';
export { EvaluationPanel, type EvaluationPanelProps } from './EvaluationPanel';
export { ConfusionMatrix, type ConfusionMatrixProps, type CellRef } from './ConfusionMatrix';
export { MistakesGallery, type MistakesGalleryProps } from './MistakesGallery';
export { MnistImage, type MnistImageProps } from './MnistImage';
export { TestImageCache } from './imageCache';
