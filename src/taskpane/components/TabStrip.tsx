// The pane's tab strip: as many tabs as fit the pane's width on one line, the others under a "more"
// button at its end (Fluent's Overflow). The open tab is always among those shown.
import { Button, makeStyles, Overflow, OverflowItem, Tab, TabList, tokens, useOverflowMenu } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useState } from 'react';

// The menu (and the icons Fluent's menu items bring) loads when "more" is first clicked: most panes
// never overflow, and the pane's first chunk stays small.
const MoreMenu = lazy(() => import(/* webpackChunkName: "more-tabs" */ './MoreTabsMenu').then((m) => ({ default: m.MoreTabsMenu })));

const NARROW = '@media (max-width: 399px)';

const useStyles = makeStyles({
  strip: {
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})`,
    marginRight: `calc(-1 * ${tokens.spacingHorizontalS})`,
    // the strip measures its own width: it may not grow past the pane
    minWidth: 0,
    overflow: 'hidden',
  },
  tab: { whiteSpace: 'nowrap', flexShrink: 0, [NARROW]: { paddingLeft: '2px', paddingRight: '2px' } },
  more: { minWidth: 'auto', flexShrink: 0, alignSelf: 'center' },
});

export type { TabDef } from './MoreTabsMenu';
import type { TabDef } from './MoreTabsMenu';

interface TabStripProps<K extends string> {
  readonly tabs: ReadonlyArray<TabDef<K>>;
  readonly selected: K;
  readonly moreLabel: string;
  onSelect(key: K): void;
}

function MoreButton<K extends string>({ tabs, label, onSelect }: { tabs: ReadonlyArray<TabDef<K>>; label: string; onSelect(key: K): void }) {
  const styles = useStyles();
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState<HTMLButtonElement | null>(null);
  // the ref the overflow manager measures, and the element the menu opens below
  const setRef = useCallback(
    (el: HTMLButtonElement | null) => {
      ref.current = el;
      setTarget(el);
    },
    [ref],
  );
  if (!isOverflowing) return null;
  return (
    <>
      <Button
        ref={setRef}
        appearance="transparent"
        size="small"
        className={styles.more}
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((v) => !v)}
        data-testid="tabs-more"
        data-count={overflowCount}
      >
        {/* a horizontal ellipsis: no icon font to load */}⋯
      </Button>
      {open && target && (
        <Suspense fallback={null}>
          <MoreMenu
            tabs={tabs}
            target={target}
            onClose={() => setOpen(false)}
            onSelect={(key) => {
              setOpen(false);
              onSelect(key as K);
            }}
          />
        </Suspense>
      )}
    </>
  );
}

export function TabStrip<K extends string>({ tabs, selected, moreLabel, onSelect }: TabStripProps<K>) {
  const styles = useStyles();
  return (
    <Overflow minimumVisible={2}>
      <TabList size="small" className={styles.strip} selectedValue={selected} onTabSelect={(_, data) => onSelect(data.value as K)} data-testid="tabs">
        {tabs.map((t) => (
          // the open tab is the last to go under "more"
          <OverflowItem key={t.key} id={t.key} priority={t.key === selected ? 2 : 1}>
            <Tab value={t.key} className={styles.tab} data-testid={`tab-${t.key}`}>
              {t.label}
            </Tab>
          </OverflowItem>
        ))}
        <MoreButton tabs={tabs} label={moreLabel} onSelect={onSelect} />
      </TabList>
    </Overflow>
  );
}
