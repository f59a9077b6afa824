// The playground's page script: a CodeMirror 6 editor, the compiler worker's diagnostics (squiggles
// in the editor and a list under it, each with the fixes its message names), hover types, the
// address that follows the code, and Run / Train.
import { basicSetup, EditorView } from 'codemirror';
import { javascript } from '@codemirror/lang-javascript';
import { hoverTooltip } from '@codemirror/view';
import { lintGutter, setDiagnostics, type Action, type Diagnostic } from '@codemirror/lint';
import { codeFromHash, codeHash } from './share-hash.js';
import { format, type Strings } from './format.js';
import type { FromWorker, PlaygroundDiagnostic, PlaygroundFix, ToWorker } from './worker-protocol.js';

const presets = import.meta.glob<string>('./presets/*.ts', { query: '?raw', import: 'default', eager: true });
const presetCode = (value: string): string | undefined => presets[`./presets/${value}.ts`];

const root = document.querySelector<HTMLElement>('[data-playground]');
if (root !== null) start(root);

function start(section: HTMLElement): void {
  const strings = JSON.parse(document.getElementById('playground-ui')?.textContent ?? '{}') as Strings;
  const t = (key: string, params?: Record<string, string | number>) => format(strings, key, params);
  const select = section.querySelector<HTMLSelectElement>('[data-preset]');
  const runButton = section.querySelector<HTMLButtonElement>('[data-run]');
  const trainButton = section.querySelector<HTMLButtonElement>('[data-train]');
  const linkButton = section.querySelector<HTMLButtonElement>('[data-copy-link]');
  const status = section.querySelector<HTMLElement>('[data-status]');
  const list = section.querySelector<HTMLOListElement>('[data-diagnostics]');
  const output = section.querySelector<HTMLPreElement>('[data-run-output]');
  const host = section.querySelector<HTMLElement>('[data-editor]');
  if (!select || !runButton || !trainButton || !linkButton || !status || !list || !output || !host) return;

  let initial = presetCode('resnet20.fix') ?? '';
  let linkProblem: string | undefined;
  try {
    const fromLink = codeFromHash(location.hash);
    if (fromLink !== undefined) {
      initial = fromLink;
      select.value = '';
    }
  } catch (error) {
    linkProblem = error instanceof Error ? error.message : String(error);
  }

  // The compiler, loaded on this page only: a module worker bundling TypeScript.
  const worker = new Worker(new URL('./compiler-worker.ts', import.meta.url), { type: 'module' });
  const send = (message: ToWorker) => worker.postMessage(message);
  let version = 0;
  const changedAt = new Map<number, number>();
  let ready = false;
  let hoverId = 0;
  const hovers = new Map<number, (reply: Extract<FromWorker, { kind: 'hover' }>) => void>();
  let transpileId = 0;
  const transpiles = new Map<number, (js: string) => void>();
  let hashTimer: ReturnType<typeof setTimeout> | undefined;

  const view = new EditorView({
    doc: initial,
    parent: host,
    extensions: [
      basicSetup,
      javascript({ typescript: true }),
      // On a phone, long lines (and their shape comments) wrap instead of hiding off-screen.
      matchMedia('(max-width: 760px)').matches ? EditorView.lineWrapping : [],
      lintGutter(),
      hoverTooltip(async (_view, position) => {
        if (!ready) return null;
        hoverId += 1;
        const id = hoverId;
        const reply = await new Promise<Extract<FromWorker, { kind: 'hover' }>>((resolve) => {
          hovers.set(id, resolve);
          send({ kind: 'hover', id, code: view.state.doc.toString(), position });
        });
        if (reply.text === null) return null;
        return {
          pos: reply.from,
          end: reply.to,
          above: true,
          create() {
            const dom = document.createElement('pre');
            dom.className = 'pg-type';
            dom.textContent = reply.text;
            return { dom };
          },
        };
      }),
      EditorView.updateListener.of((update) => {
        if (!update.docChanged) return;
        check(update.state.doc.toString());
        clearTimeout(hashTimer);
        hashTimer = setTimeout(() => history.replaceState(null, '', codeHash(view.state.doc.toString())), 250);
      }),
      EditorView.contentAttributes.of({ 'aria-label': host.getAttribute('aria-label') ?? 'TypeScript' }),
    ],
  });

  function check(code: string): void {
    version += 1;
    changedAt.set(version, performance.now());
    list!.dataset['state'] = 'checking';
    if (ready) send({ kind: 'check', version, code });
  }

  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    if (message.kind === 'ready') {
      ready = true;
      section.dataset['compilerMs'] = String(Math.round(message.ms));
      for (const button of [runButton, trainButton, linkButton]) button.disabled = false;
      send({ kind: 'check', version, code: view.state.doc.toString() });
    } else if (message.kind === 'diagnostics') {
      if (message.version !== version) return; // the reader typed on: a newer check is coming
      show(message.diagnostics);
      const since = changedAt.get(message.version);
      list!.dataset['version'] = String(message.version);
      list!.dataset['checkMs'] = String(Math.round(message.ms));
      if (since !== undefined) list!.dataset['latencyMs'] = String(Math.round(performance.now() - since));
      changedAt.clear();
    } else if (message.kind === 'hover') {
      hovers.get(message.id)?.(message);
      hovers.delete(message.id);
    } else if (message.kind === 'transpiled') {
      transpiles.get(message.id)?.(message.js);
      transpiles.delete(message.id);
    } else if (message.kind === 'failed') {
      status!.textContent = t('playground.loadFailed', { message: message.message });
      list!.dataset['state'] = 'failed';
    }
  };
  worker.onerror = (event) => {
    status.textContent = t('playground.loadFailed', { message: event.message });
    list.dataset['state'] = 'failed';
  };
  changedAt.set(version, performance.now());
  send({ kind: 'init', typesUrl: new URL(section.dataset['typesUrl'] ?? '', location.href).href });

  /** Diagnostics into the editor (squiggles, with fixes as actions) and the list under it. */
  function show(diagnostics: readonly PlaygroundDiagnostic[]): void {
    const atVersion = version;
    const actions = (fixes: readonly PlaygroundFix[]): Action[] =>
      fixes.map((fix) => ({ name: fix.title, apply: (target) => applyFix(target, fix, atVersion) }));
    const length = view.state.doc.length;
    const inEditor: Diagnostic[] = diagnostics.map((diagnostic) => ({
      from: Math.min(diagnostic.from, length),
      to: Math.min(Math.max(diagnostic.to, diagnostic.from), length),
      severity: diagnostic.severity,
      message: diagnostic.message,
      source: `TS${diagnostic.code}`,
      actions: actions(diagnostic.fixes),
    }));
    view.dispatch(setDiagnostics(view.state, inEditor));
    list!.replaceChildren(
      ...diagnostics.map((diagnostic) => {
        const item = document.createElement('li');
        item.dataset['diagnostic'] = String(diagnostic.code);
        const where = document.createElement('button');
        where.type = 'button';
        where.className = 'pg-where';
        where.textContent = t('playground.line', { line: diagnostic.line });
        where.addEventListener('click', () => {
          view.dispatch({ selection: { anchor: Math.min(diagnostic.from, view.state.doc.length) }, scrollIntoView: true });
          view.focus();
        });
        const text = document.createElement('span');
        text.className = 'pg-message';
        text.lang = 'en';
        text.textContent = `TS${diagnostic.code}: ${diagnostic.message}`;
        item.append(where, ' ', text);
        for (const fix of diagnostic.fixes) {
          const button = document.createElement('button');
          button.type = 'button';
          button.className = 'pg-fix';
          button.dataset['fix'] = fix.shortcut;
          button.textContent = t('playground.applyFix', { title: fix.title });
          button.addEventListener('click', () => applyFix(view, fix, atVersion));
          item.append(' ', button);
        }
        return item;
      }),
    );
    list!.dataset['state'] = 'checked';
    status!.textContent = diagnostics.length === 0 ? t('playground.noErrors') : t('playground.errors', { count: diagnostics.length });
  }

  function applyFix(target: EditorView, fix: PlaygroundFix, atVersion: number): void {
    if (atVersion !== version) return; // the text moved on since the fix was computed
    target.dispatch({ changes: { from: fix.edit.start, to: fix.edit.start + fix.edit.length, insert: fix.edit.newText } });
    target.focus();
  }

  select.addEventListener('change', () => {
    const code = presetCode(select.value);
    if (code !== undefined) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } });
  });

  linkButton.addEventListener('click', async () => {
    history.replaceState(null, '', codeHash(view.state.doc.toString()));
    await navigator.clipboard?.writeText(location.href);
    status.textContent = t('playground.linkCopied');
  });

  const transpile = (code: string) =>
    new Promise<string>((resolve) => {
      transpileId += 1;
      transpiles.set(transpileId, resolve);
      send({ kind: 'transpile', id: transpileId, code });
    });

  const say = (text: string, append = false) => {
    output.hidden = false;
    output.textContent = append ? `${output.textContent}\n${text}` : text;
  };
  const busy = (on: boolean) => {
    runButton.disabled = on;
    trainButton.disabled = on;
    output.dataset['status'] = 'running';
  };
  /** Buttons back; the output says `done` unless it already says `error`. */
  const done = () => {
    runButton.disabled = false;
    trainButton.disabled = false;
    if (output.dataset['status'] === 'running') output.dataset['status'] = 'done';
  };

  // A link whose code cannot be read says so where the reader looks after a run, and stays there.
  if (linkProblem !== undefined) say(t('playground.badLink', { message: linkProblem }));

  runButton.addEventListener('click', async () => {
    busy(true);
    delete output.dataset['params'];
    try {
      const runtime = await import('./playground-runtime.js');
      const backend = await runtime.backend(section.dataset['wasmPaths'] ?? '/tfjs-wasm/');
      say(t('playground.running', { backend }));
      const built = await runtime.build(await transpile(view.state.doc.toString()));
      if (built === undefined) return say(t('playground.noModel'));
      output.dataset['params'] = String(built.params);
      say(`${t('playground.params', { params: built.params.toLocaleString('en-US') })}\n\n${built.summary}`);
    } catch (error) {
      output.dataset['status'] = 'error';
      say(error instanceof Error ? error.message : String(error));
    } finally {
      done();
    }
  });

  trainButton.addEventListener('click', async () => {
    busy(true);
    try {
      const runtime = await import('./playground-runtime.js');
      const backend = await runtime.backend(section.dataset['wasmPaths'] ?? '/tfjs-wasm/');
      const built = await runtime.build(await transpile(view.state.doc.toString()));
      if (built === undefined) return say(t('playground.noModel'));
      const problem = runtime.trainProblem(built.model);
      if (problem !== undefined) return say(t('playground.trainNeeds', problem));
      say(t('playground.loadingData', { size: `${(Number(section.dataset['dataBytes']) / 1e6).toFixed(1)} MB` }));
      const bytes = await runtime.cifarSample(section.dataset['dataUrl'] ?? '');
      const report = await runtime.train(built.model, bytes, (step) => say(t('playground.step', step), true));
      say(t('playground.trainDone', { ...report, backend }), true);
    } catch (error) {
      output.dataset['status'] = 'error';
      say(error instanceof Error ? error.message : String(error), true);
    } finally {
      done();
    }
  });
}
