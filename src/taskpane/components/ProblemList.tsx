import { Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { Lang } from '../../domain/enums';
import { describeProblem } from '../../domain/messages';
import type { Problem } from '../../domain/problems';
import type { Strings } from '../i18n';
import { Words } from './Words';

/** How many problems the pane lists; the rest are counted. */
const SHOWN = 5;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  title: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  more: { color: tokens.colorNeutralForeground3 },
});

export function ProblemList({ problems, lang, strings }: { problems: ReadonlyArray<Problem>; lang: Lang; strings: Strings }) {
  const styles = useStyles();
  if (problems.length === 0) return null;
  return (
    <section className={styles.root} data-testid="problems" data-count={problems.length}>
      <Subtitle2 as="h2" className={styles.title}>
        {strings.problemsHeading(problems.length)}
      </Subtitle2>
      <ul className={styles.list}>
        {problems.slice(0, SHOWN).map((p, i) => (
          <li key={i} className={p.severity === 'error' ? styles.error : styles.warning}>
            <Caption1>
              <Words text={describeProblem(p, lang)} />
            </Caption1>
          </li>
        ))}
      </ul>
      {problems.length > SHOWN && <Caption1 className={styles.more}>{strings.moreProblems(problems.length - SHOWN)}</Caption1>}
    </section>
  );
}
