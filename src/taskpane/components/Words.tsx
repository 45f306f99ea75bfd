// Text with values in it, laid out so that a line never breaks inside a value (words.ts finds them).
import { makeStyles } from '@fluentui/react-components';
import { Fragment } from 'react';
import { segments } from '../words';

const useStyles = makeStyles({
  value: { whiteSpace: 'nowrap' },
});

export function Words({ text }: { text: string }) {
  const styles = useStyles();
  return (
    <>
      {segments(text).map((s, i) =>
        s.value ? (
          <span key={i} className={styles.value} data-value="">
            {s.text}
          </span>
        ) : (
          <Fragment key={i}>{s.text}</Fragment>
        ),
      )}
    </>
  );
}
