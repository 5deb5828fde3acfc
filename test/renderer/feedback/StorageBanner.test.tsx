// @vitest-environment jsdom
/**
 * The storage banner against real services: a run folder that cannot be written (a file stands
 * where it should be) opens the app with the service's reason, in the UI's language; a service
 * that saves normally shows no banner.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configure, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { changeLanguage } from '../../../src/renderer/i18n';
import { cleanupApp, installResizeObserver, renderApp } from '../helpers';
import { createLab, type LabService } from '../realLab';

const services: LabService[] = [];
beforeAll(() => {
  installResizeObserver();
  configure({ asyncUtilTimeout: 30_000 });
});
afterEach(async () => {
  cleanupApp();
  changeLanguage('en');
  await Promise.all(services.splice(0).map((lab) => lab.close()));
});

/** A run folder under a regular file: mkdir fails with ENOTDIR, as an unwritable folder would. */
function unwritableFolder(): string {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'mnist-lab-banner-'));
  writeFileSync(path.join(parent, 'file'), 'x');
  return path.join(parent, 'file', 'runs');
}

describe('storage banner', () => {
  it('an unwritable run folder: the app opens and says runs are kept in memory, and why', async () => {
    const folder = unwritableFolder();
    const lab = createLab({ dataDir: folder });
    services.push(lab);
    renderApp(lab);
    const banner = await screen.findByRole('alert', { name: 'Runs are not saved here' });
    expect(banner.textContent).toContain(`Runs cannot be saved in ${folder}`);
    expect(banner.textContent).toContain('They are kept only until the app closes.');
    changeLanguage('ja');
    await waitFor(() => expect(banner.textContent).toContain('アプリを閉じるまでメモリにだけ残ります'));
  });

  it('no banner while saving works', async () => {
    const lab = createLab({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'mnist-lab-banner-ok-')) });
    services.push(lab);
    renderApp(lab);
    await screen.findByRole('button', { name: 'Train' });
    expect(await lab.appInfo()).toMatchObject({ storageNotice: null });
    expect(screen.queryByRole('alert', { name: 'Runs are not saved here' })).toBeNull();
  });
});
