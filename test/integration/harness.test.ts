// Proves the integration harness end to end with a throwaway extension: a real VS Code (code-server)
// in a real browser shows its diagnostic, hover, quick fix and command, in trusted and restricted folders.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { screenshot } from './harness/artifacts.js';
import { startCodeServer } from './harness/codeServer.js';
import { packageVsix } from './harness/extensionPackage.js';
import { answerTrustPrompt, chooseQuickFix, dismiss, hoverSquiggle, isRestrictedMode, listSquiggles, openFile, openQuickFix, runCommand, waitForRestrictedMode, waitForSquiggle, waitForTrustPrompt } from './harness/editor.js';
import { useWorkbench } from './harness/suite.js';
import { installCodeServer, SKIP_INTEGRATION } from './harness/synthgapPackage.js';
import { waitForCondition } from './harness/wait.js';
import { PROBE, writeProbeExtension, writeProbeWorkspace } from './probeExtension.js';

const STEP = { timeout: 120_000 };

describe('integration harness: code-server 4.139.1 (VS Code 1.139) in Chromium', { skip: SKIP_INTEGRATION }, () => {
  before(installCodeServer, { timeout: 30 * 60_000 });

  describe('trusted folder, extension installed from a .vsix', () => {
    let file = '';
    let flaggedLine = 0;
    let folder = '';
    const bench = useWorkbench('trusted', async (scratch) => {
      const vsix = await packageVsix(writeProbeExtension(join(scratch, 'extension')), { outFile: join(scratch, 'probe.vsix') });
      ({ folder, file, flaggedLine } = writeProbeWorkspace(join(scratch, 'workspace')));
      const server = await startCodeServer({ workspace: folder, vsix });
      return { server, folder };
    });

    test('opens the fixture and shows the diagnostic on the flagged line', STEP, () => bench.step('squiggle', async (page) => {
      await openFile(page, file);
      const squiggle = await waitForSquiggle(page, { line: flaggedLine });
      assert.equal(squiggle.severity, 'warning');
      assert.deepEqual((await listSquiggles(page)).map((found) => found.line), [flaggedLine]);
      assert.equal(await isRestrictedMode(page), false);
      await screenshot(page, 'trusted-squiggle');
    }));

    test('the hover over the squiggle shows the diagnostic message', STEP, () => bench.step('hover', async (page) => {
      const text = await hoverSquiggle(page);
      assert.match(text, new RegExp(`${PROBE.diagnosticMessage} \\(trusted=true\\)`));
      assert.match(text, /harness-probe\(probe\.synthetic\)/);
      await screenshot(page, 'trusted-hover');
      await dismiss(page);
    }));

    test('the quick-fix menu lists the code action, and applying it clears the squiggle', STEP, () => bench.step('quick-fix', async (page) => {
      const labels = await openQuickFix(page);
      assert.deepEqual(labels, [PROBE.quickFixTitle]);
      await screenshot(page, 'trusted-quick-fix');
      await chooseQuickFix(page, PROBE.quickFixTitle);
      await waitForCondition('the squiggle to go after the fix', async () => (await listSquiggles(page)).length === 0);
    }));

    test('a command run from the palette writes its marker file', STEP, () => bench.step('command', async (page) => {
      const marker = join(folder, PROBE.markerFile);
      await runCommand(page, PROBE.commandTitle);
      await waitForCondition(`${PROBE.markerFile} to be written`, () => existsSync(marker));
      const written = JSON.parse(readFileSync(marker, 'utf8')) as { activeFile: string; trusted: boolean; vscodeVersion: string };
      assert.equal(written.activeFile, file);
      assert.equal(written.trusted, true);
      assert.match(written.vscodeVersion, /^1\.139\./);
      await screenshot(page, 'trusted-after-command');
    }));

    test('stopping leaves no process behind', STEP, () => bench.stopAndCheckNothingIsLeft());
  });

  describe('untrusted folder in Restricted Mode, extension copied unpacked into --extensions-dir', () => {
    let file = '';
    let flaggedLine = 0;
    const bench = useWorkbench('restricted', async (scratch) => {
      const extension = writeProbeExtension(join(scratch, 'extension'));
      const workspace = writeProbeWorkspace(join(scratch, 'workspace'));
      ({ file, flaggedLine } = workspace);
      const server = await startCodeServer({ workspace: workspace.folder, extensionPaths: [extension], trust: 'restricted' });
      return { server, folder: workspace.folder };
    });

    test('shows Restricted Mode, and the extension sees an untrusted workspace', STEP, () => bench.step('restricted', async (page) => {
      await waitForRestrictedMode(page, true);
      await openFile(page, file);
      await waitForSquiggle(page, { line: flaggedLine });
      assert.match(await hoverSquiggle(page), /\(trusted=false\)/);
      await screenshot(page, 'restricted-hover');
    }));

    test('stopping leaves no process behind', STEP, () => bench.stopAndCheckNothingIsLeft());
  });

  describe('trust prompt answered in the dialog', () => {
    const bench = useWorkbench('prompt', async (scratch) => {
      const workspace = writeProbeWorkspace(join(scratch, 'workspace'));
      const server = await startCodeServer({ workspace: workspace.folder, trust: 'prompt' });
      return { server, folder: workspace.folder };
    });

    test('trusting the folder leaves Restricted Mode', STEP, () => bench.step('prompt', async (page) => {
      assert.match(await waitForTrustPrompt(page), /Do you trust the authors of the files in this folder\?/);
      await screenshot(page, 'prompt-dialog');
      await answerTrustPrompt(page, true);
      await waitForRestrictedMode(page, false);
    }));

    test('stopping leaves no process behind', STEP, () => bench.stopAndCheckNothingIsLeft());
  });
});
