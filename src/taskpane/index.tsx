// Entry point of the task pane: find out where we run (inside Excel, or a plain browser), pick the
// language, pin the clock if the page names a moment (?asOf=), and render.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { App, AppProps } from './App';
import { pinClock } from './clock';
import { detectEnvironment, excelHost } from './host';
import { pickLang, STRINGS } from './i18n';
import { showUnsupported, unsupportedExcel } from './support';

async function start(): Promise<void> {
  // taskpane.html's ES5 check found a webview that cannot run this bundle, and said so
  if ((window as { DESKBOOK_UNSUPPORTED?: boolean }).DESKBOOK_UNSUPPORTED) return;
  pinClock(window.location.search);
  const env = await detectEnvironment();
  const root = document.getElementById('root');
  if (env.kind === 'excel' && root) {
    const requirements = Office.context.requirements;
    // every Excel that runs add-ins has the requirements API; without it there is nothing to judge by
    const tooOld = typeof requirements?.isSetSupported === 'function' ? unsupportedExcel((name, version) => requirements.isSetSupported(name, version)) : null;
    if (tooOld) {
      showUnsupported(root, tooOld);
      return;
    }
  }
  const lang = pickLang({
    search: window.location.search,
    officeLanguage: env.kind === 'excel' ? env.officeLanguage : undefined,
    browserLanguage: navigator.language,
  });
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = STRINGS[lang].title;
  const props: AppProps = env.kind === 'excel' ? { mode: 'excel', lang, host: await excelHost() } : { mode: 'standalone', lang };
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root element');
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App {...props} />
    </FluentProvider>,
  );
}

void start();
