/** Follows VS Code's theme: the chart series colours of the theme kind on the body, now and after a theme change. */
import { SERIES_COLORS, themeKind } from './charts/palette';

/** Sets the series colours as CSS variables on `body`, now and whenever VS Code changes the theme class. */
export function applySeriesColors(body: HTMLElement): void {
  const apply = (): void => {
    const colors = SERIES_COLORS[themeKind(body.classList)];
    // CSSOM, not a style attribute: the CSP allows it.
    for (const [name, value] of Object.entries(colors)) body.style.setProperty(`--${name}`, value);
    body.dataset.seriesTheme = themeKind(body.classList);
  };
  apply();
  new MutationObserver(apply).observe(body, { attributes: true, attributeFilter: ['class'] });
}
