import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { contrastRatio, SERIES_COLORS, themeKind, type ThemeKind } from '../../../webview-ui/src/charts/palette';
import { THEME_CLASS, themeVariables, type PageTheme } from '../../webview/themes';

/** WCAG 2.1 (1.4.11, non-text contrast): graphics a reader must tell apart need 3:1 against what is next to them. */
const MIN_CONTRAST = 3;

/** The editor backgrounds of the themes the panel is shown in: a saved page's fallbacks (VS Code's defaults). */
const BACKGROUNDS: [ThemeKind, string][] = (['light', 'dark', 'high-contrast'] as PageTheme[]).map((theme) => [theme, themeVariables(theme)['editor-background']]);
// VS Code's High Contrast Light theme has a white editor; saved pages do not offer it.
BACKGROUNDS.push(['high-contrast-light', '#ffffff']);

describe('the chart series colours', () => {
  for (const [kind, background] of BACKGROUNDS) {
    it(`stand out at least 3:1 against the ${kind} background (${background})`, () => {
      for (const [series, color] of Object.entries(SERIES_COLORS[kind])) {
        const ratio = contrastRatio(color, background);
        assert.ok(ratio >= MIN_CONTRAST, `${series} ${color} on ${background}: ${ratio.toFixed(2)}:1`);
      }
    });
  }

  it('VS Code\'s own chart orange would not: it is why the panel has its own colours', () => {
    const light = themeVariables('light');
    assert.ok(contrastRatio(light['charts-orange'], light['editor-background']) < MIN_CONTRAST);
  });

  it('gives real and synthetic different hues in every theme', () => {
    for (const colors of Object.values(SERIES_COLORS)) assert.notEqual(colors.real, colors.synthetic);
  });

  it('reads the theme kind from the classes VS Code puts on the body', () => {
    const classes = (...names: string[]) => ({ contains: (name: string) => names.includes(name) });
    for (const theme of ['light', 'dark', 'high-contrast'] as PageTheme[]) assert.equal(themeKind(classes(THEME_CLASS[theme])), theme);
    assert.equal(themeKind(classes('vscode-high-contrast', 'vscode-high-contrast-light')), 'high-contrast-light');
    assert.equal(themeKind(classes()), 'dark');
  });

  it('computes contrast as WCAG does', () => {
    assert.equal(contrastRatio('#ffffff', '#000000'), 21);
    assert.equal(contrastRatio('#777777', '#777777'), 1);
    assert.ok(Math.abs(contrastRatio('#767676', '#ffffff') - 4.54) < 0.01, 'the grey that just passes 4.5:1');
  });
});
