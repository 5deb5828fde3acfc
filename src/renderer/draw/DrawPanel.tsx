/**
 * Draw a digit and see what a network thinks: the canvas, what the network actually sees (the
 * 28x28 MNIST version from toMnist), the probabilities and each hidden layer's activations. "This
 * was a…" adds the drawing to the personal test set shown below it (TestSetPanel).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClassLabels } from '../deeper/classNames';
import type { LabApi } from '../../shared/api';
import { toMnist, type Raster } from '../../shared/digit';
import type { RunSummary } from '../../shared/runs';
import { ActivationStrips } from './ActivationStrips';
import { DrawingCanvas, drawingShortcut } from './DrawingCanvas';
import { FeatureMapsView } from './FeatureMapsView';
import { MnistImage } from '../common/MnistImage';
import { PredictionReadout } from './PredictionReadout';
import { RunPicker } from '../common/RunPicker';
import type { Stroke } from './strokes';
import { usePredict } from './usePredict';
import { SaliencyView } from './SaliencyView';
import { useExplain } from './useExplain';
import { HiddenMapPanel } from '../insight/HiddenMapPanel';
import { TestSetPanel } from '../test-set/TestSetPanel';
import { useTestSet, type TestSetLab } from '../test-set/useTestSet';
import { errorMessage, localizeMessage } from '../i18n/messages';
import '../common/inspect.css';
import './draw.css';

export interface DrawPanelProps {
  lab: Pick<LabApi, 'predict' | 'featureMaps' | 'explain' | 'hiddenMap' | 'sampleImages'> & TestSetLab;
  /** Runs to choose from (any state; finished and imported runs predict too). */
  runs: readonly RunSummary[];
  /** The app's selected run: the default choice, followed when it changes. */
  runId: string | null;
  /** Live prediction interval while drawing, in ms. */
  throttleMs?: number;
}

/** The drawing panel: canvas, brush, clear/undo, run picker, MNIST preview and prediction. */
export function DrawPanel({ lab, runs, runId, throttleMs = 150 }: DrawPanelProps) {
  const { t } = useTranslation();
  const { names: classNames } = useClassLabels();
  const shortcutsId = useId();
  const [strokes, setStrokes] = useState<Stroke[]>([]);
  const [brushWidth, setBrushWidth] = useState(20);
  const [chosen, setChosen] = useState<string | null>(runId);
  const [followed, setFollowed] = useState<string | null>(runId);
  if (runId !== followed) {
    // The app selected another run: follow it (adjusting state during render, React's pattern).
    setFollowed(runId);
    setChosen(runId);
  }
  const activeRun = chosen && runs.some((r) => r.id === chosen) ? chosen : (runs[0]?.id ?? null);
  const [pixels, setPixels] = useState<Uint8Array | null>(null);
  const { prediction, error, request } = usePredict(lab, activeRun, throttleMs);
  const testSet = useTestSet(lab);
  const [added, setAdded] = useState<{ text: string; failed: boolean } | null>(null);
  // Look deeper: the class the saliency maps explain (null: the top guess), following each prediction.
  const [explainClass, setExplainClass] = useState<number | null>(null);
  const [mapPixels, setMapPixels] = useState<Uint8Array | null>(null);
  const saliency = useExplain(lab, activeRun, pixels, explainClass, pixels ? prediction : null);
  // The hidden-layer map is asked again at each evaluation point of the run (and state change).
  const active = runs.find((r) => r.id === activeRun);
  const mapVersion = active ? `${active.lastEpoch?.iteration ?? 0}:${active.state}` : null;

  const onInk = (raster: Raster | null, final: boolean) => {
    let mnist: Uint8Array | null;
    try {
      mnist = raster ? toMnist(raster) : null;
    } catch (e) {
      // Keep the last good frame rather than break the pointer handler mid-stroke.
      console.warn('toMnist failed for this drawing', e);
      return;
    }
    setPixels(mnist);
    if (!mnist) setExplainClass(null);
    // The map places the drawing when a stroke ends, not at every move (each place is a job).
    if (final || !mnist) setMapPixels(mnist);
    request(mnist, final);
  };

  // Another network chosen: ask it about the same drawing.
  const pixelsRef = useRef(pixels);
  useEffect(() => {
    pixelsRef.current = pixels;
  }, [pixels]);
  useEffect(() => {
    if (pixelsRef.current) request(pixelsRef.current, true);
  }, [activeRun, request]);

  const undo = () => setStrokes((s) => s.slice(0, -1));
  const clear = () => setStrokes([]);
  // "This was a 7": keep the drawing in the test set, then clear the canvas for the next one.
  const addAs = (digit: number) => {
    if (!pixels) return;
    testSet.add(pixels, digit).then(
      (count) => {
        setAdded({ text: t('testSet.added', { digit: classNames[digit], total: count }), failed: false });
        clear();
      },
      (e: unknown) => {
        const message = localizeMessage(errorMessage(e), t);
        setAdded({ text: t('testSet.addFailed', { message }), failed: true });
      },
    );
  };

  return (
    <>
      <section className="inspect-panel inspect-draw" aria-labelledby={`${shortcutsId}-title`}>
        <h3 id={`${shortcutsId}-title`}>{t('draw.title')}</h3>
        <RunPicker runs={runs} value={activeRun} onChange={setChosen} label={t('draw.run')} />
        <div className="inspect-draw-row">
          {/* The shortcuts also work while the brush slider or the Undo / Clear buttons have focus. */}
          <div
            className="inspect-draw-surface"
            onKeyDown={(e) => {
              const shortcut = drawingShortcut(e);
              if (!shortcut) return;
              e.preventDefault();
              if (shortcut === 'clear') clear();
              else undo();
            }}
          >
            <DrawingCanvas
              strokes={strokes}
              brushWidth={brushWidth}
              onStrokeEnd={(s) => setStrokes((prev) => [...prev, s])}
              onInk={onInk}
              onClear={clear}
              onUndo={undo}
              describedBy={shortcutsId}
            />
            <div className="inspect-draw-tools">
              <label htmlFor={`${shortcutsId}-brush`}>{t('draw.brush')}</label>
              <input
                id={`${shortcutsId}-brush`}
                type="range"
                min={6}
                max={40}
                step={1}
                value={brushWidth}
                onChange={(e) => setBrushWidth(Number(e.target.value))}
              />
              <span aria-hidden="true">{brushWidth}</span>
              <button type="button" onClick={undo} disabled={strokes.length === 0}>
                {t('draw.undo')}
              </button>
              <button type="button" onClick={clear} disabled={strokes.length === 0}>
                {t('draw.clear')}
              </button>
            </div>
            <p id={shortcutsId} className="inspect-muted">
              {t('draw.shortcuts')}
            </p>
          </div>
          <figure className="inspect-draw-preview">
            <MnistImage pixels={pixels} size={112} label={t('draw.preview')} />
            <figcaption>{t('draw.preview')}</figcaption>
          </figure>
          <div className="inspect-draw-result">
            {runs.length === 0 ? <p className="inspect-hint">{t('draw.noRuns')}</p> : null}
            <PredictionReadout
              probabilities={pixels ? (prediction?.probabilities ?? null) : null}
              explained={saliency.explanation?.classIndex ?? null}
              onExplain={setExplainClass}
            />
            {pixels ? (
              <fieldset className="inspect-label-row">
                <legend>{t('testSet.thisWas')}</legend>
                {Array.from({ length: 10 }, (_, digit) => (
                  <button
                    key={digit}
                    type="button"
                    aria-label={t('testSet.addAs', { digit: classNames[digit] })}
                    onClick={() => addAs(digit)}
                  >
                    {classNames[digit]}
                  </button>
                ))}
              </fieldset>
            ) : null}
            <p aria-live="polite" className={added?.failed ? 'inspect-error' : 'inspect-muted'}>
              {added?.text ?? ''}
            </p>
            {error && pixels ? (
              <p className="inspect-error" role="alert">
                {t('draw.error', { message: localizeMessage(error, t) })}
              </p>
            ) : null}
          </div>
          {pixels ? (
            <SaliencyView
              explanation={saliency.explanation}
              error={saliency.error}
              chosen={explainClass !== null}
              onBackToTop={() => setExplainClass(null)}
            />
          ) : null}
        </div>
        {pixels && prediction ? <ActivationStrips activations={prediction.activations} /> : null}
        <FeatureMapsView lab={lab} run={runs.find((r) => r.id === activeRun) ?? null} pixels={pixels} />
      </section>
      <HiddenMapPanel lab={lab} runId={activeRun} pixels={mapPixels} version={mapVersion} />
      <TestSetPanel lab={lab} testSet={testSet} run={runs.find((r) => r.id === activeRun) ?? null} />
    </>
  );
}
