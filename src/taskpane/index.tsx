// Entry point of the task pane: find out where we run (inside Excel, or a plain browser), pick the
// language, pin the clock if the page names a moment (?asOf=), and render.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { App, AppProps } from './App';
import { pinClock } from './clock';
import { detectEnvironment, excelHost } from './host';
import { pickLang, STRINGS } from './i18n';

async function start(): Promise<void> {
  pinClock(window.location.search);
  const env = await detectEnvironment();
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
