// Entry point of the task pane: find out where we run (inside Excel, or a plain browser), pick the
// language, pin the clock if the page names a moment (?asOf=), and render.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot, Root } from 'react-dom/client';
import { App, AppProps } from './App';
import { pinClock } from './clock';
import { detectEnvironment, Environment, excelHost, lateExcelHost } from './host';
import { pickLang } from './i18n';
import { rememberedLang } from './installation';
import { showUnsupported, unsupportedExcel } from './support';

let reactRoot: Root | null = null;

async function show(env: Environment, container: HTMLElement): Promise<void> {
  if (env.kind === 'excel') {
    const requirements = Office.context.requirements;
    // every Excel that runs add-ins has the requirements API; without it there is nothing to judge by
    const tooOld = typeof requirements?.isSetSupported === 'function' ? unsupportedExcel((name, version) => requirements.isSetSupported(name, version)) : null;
    if (tooOld) {
      reactRoot?.unmount();
      reactRoot = null;
      showUnsupported(container, tooOld);
      return;
    }
  }
  const lang = pickLang({
    search: window.location.search,
    stored: rememberedLang(),
    officeLanguage: env.kind === 'excel' ? env.officeLanguage : undefined,
    browserLanguage: navigator.language,
  });
  const props: AppProps = env.kind === 'excel' ? { mode: 'excel', lang, host: await excelHost() } : { mode: 'standalone', lang };
  reactRoot ??= createRoot(container);
  reactRoot.render(
    <FluentProvider theme={webLightTheme}>
      <App key={props.mode} {...props} />
    </FluentProvider>,
  );
}

async function start(): Promise<void> {
  // taskpane.html's ES5 check found a webview that cannot run this bundle, and said so
  if ((window as { DESKBOOK_UNSUPPORTED?: boolean }).DESKBOOK_UNSUPPORTED) return;
  pinClock(window.location.search);
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root element');
  const env = await detectEnvironment();
  await show(env, container);
  // a host that gave no sign of itself before office.js came: the pane moves into Excel once it does
  if (env.kind === 'standalone') {
    const late = await lateExcelHost();
    if (late) await show(late, container);
  }
}

void start();
