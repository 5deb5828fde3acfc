/**
 * ch05 Computational graphs (§5.2–5.7): the shopping graph, then Affine → ReLU → SoftmaxWithLoss
 * on a tiny batch, each stepped backward node by node; then the book's gradient check.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toys } from '../../nn';
import { LabPage } from './common';
import { GradientCheck } from './graph/GradientCheck';
import { LayerGraph } from './graph/LayerGraph';
import { ShoppingGraph } from './graph/ShoppingGraph';

/** The Computational graphs lab. */
export function GraphLab() {
  const { t } = useTranslation();
  const [shopping, setShopping] = useState<toys.ShoppingInputs>({ ...toys.BOOK_SHOPPING });
  const [layers, setLayers] = useState<toys.LayerGraphInputs>(toys.bookLayerGraph);
  const [resets, setResets] = useState(0);
  const reset = () => {
    setShopping({ ...toys.BOOK_SHOPPING });
    setLayers(toys.bookLayerGraph());
    setResets((n) => n + 1);
  };
  return (
    <LabPage id="graph" onReset={reset}>
      <h3>{t('labs.graph.shoppingTitle')}</h3>
      <ShoppingGraph key={`s${resets}`} inputs={shopping} onInputs={setShopping} />
      <h3>{t('labs.graph.layerTitle')}</h3>
      <p>{t('labs.graph.layerIntro')}</p>
      <LayerGraph key={`l${resets}`} inputs={layers} onInputs={setLayers} />
      <GradientCheck />
    </LabPage>
  );
}
