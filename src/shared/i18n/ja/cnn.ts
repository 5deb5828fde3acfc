/** Japanese: the CNN views: the first convolution's filters before training and now, and a drawn digit's feature maps. */
import type { CnnStrings } from '../en/cnn';

export const cnnStrings: CnnStrings = {
  cnn: {
    filters: {
      title: '1 層目の畳み込み層：学習前と現在のフィルター',
      caption:
        '各タイルは Conv1 の {{size}}×{{size}} のフィルター 1 つです（本書 §7.6.1、図 7-24）。学習前はランダムなノイズで、学習が進むとエッジやブロブを検出するようになります。',
      before: '学習前のフィルター',
      now: '現在のフィルター',
      beforeScale: '学習前 · スケール ±{{max}}',
      nowScale: '現在（イテレーション {{iteration}}）· スケール ±{{max}}',
      filter: 'フィルター {{n}}',
      filterBefore: '学習前のフィルター {{n}}',
      noBefore:
        'この実行はインポートされたものです。重みはファイルから読み込まれたため、学習前のフィルターはありません。',
      loadingBefore: '実行のシードから初期フィルターを作り直しています…',
    },
    maps: {
      title: '特徴マップ（本書 §7.6）',
      caption:
        '描いた数字に対して各畳み込み層とプーリング層が出力するもの。チャンネルごとに 1 タイル、赤が正、青が負で、層ごとに独自のスケールです。',
      layer: '{{name}}：{{H}}×{{W}} のチャンネルが {{C}} 個',
      channel: '{{name}} チャンネル {{n}}',
      channelStats:
        '{{name}} チャンネル {{n}}：最大 {{max}}（{{maxX}}, {{maxY}}）、最小 {{min}}（{{minX}}, {{minY}}）',
      keys: '{{name}} のチャンネル：矢印キーでチャンネルを選びます',
      hover: '{{name}} チャンネル {{n}}、({{x}}, {{y}})：{{value}}',
      loading: '特徴マップを計算しています…',
      error: '特徴マップを計算できませんでした：{{message}}',
    },
  },
};
