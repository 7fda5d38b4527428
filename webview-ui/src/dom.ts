/**
 * Small DOM helpers. Every piece of dataset text goes in through `textContent`; nothing here parses HTML.
 */
export interface ElementOptions {
  readonly className?: string;
  readonly text?: string;
  readonly attrs?: Readonly<Record<string, string>>;
}

/** A new element with a class, text (as text, never HTML) and attributes. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, options: ElementOptions = {}, children: readonly Node[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

/** A custom element from @vscode-elements (not in HTMLElementTagNameMap for every tag we use). */
export function custom(tag: string, options: ElementOptions = {}, children: readonly Node[] = []): HTMLElement {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

/** A `<section>` with a heading whose id names the section for screen readers. */
export function section(id: string, title: string, children: readonly Node[] = []): HTMLElement {
  const heading = el('h2', { text: title, attrs: { id: `${id}-title` } });
  return el('section', { className: 'panel-section', attrs: { id, 'aria-labelledby': `${id}-title` } }, [heading, ...children]);
}

/** A button that runs `onClick`; a `<vscode-button>` when `primary` or `secondary` is asked for. */
export function button(label: string, onClick: () => void, options: { readonly kind?: 'plain' | 'vscode' | 'link'; readonly secondary?: boolean; readonly title?: string; readonly className?: string } = {}): HTMLElement {
  const kind = options.kind ?? 'vscode';
  const node = kind === 'vscode' ? custom('vscode-button', { text: label }) : el('button', { text: label, attrs: { type: 'button' } });
  if (kind === 'link') node.classList.add('link-button');
  if (options.className) node.classList.add(options.className);
  if (options.secondary) node.setAttribute('secondary', '');
  if (options.title) node.setAttribute('title', options.title);
  node.addEventListener('click', (event) => {
    event.stopPropagation();
    onClick();
  });
  return node;
}

/**
 * Text that may wrap after `_`, `-`, `/` and `.` (a `<wbr>` after each), for identifiers such as labels
 * (`application_status`) in narrow columns, which otherwise break at an arbitrary letter. Text nodes only.
 */
export function breakable(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const part of text.split(/(?<=[_\-/.])/)) {
    if (fragment.childNodes.length > 0) fragment.append(document.createElement('wbr'));
    fragment.append(document.createTextNode(part));
  }
  return fragment;
}
