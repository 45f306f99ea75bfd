// The menu under the tab strip's "more" button: the tabs that did not fit the strip. Loaded on the
// first click (TabStrip.tsx).
import { Menu, MenuItem, MenuList, MenuPopover, useIsOverflowItemVisible } from '@fluentui/react-components';

export interface TabDef<K extends string> {
  readonly key: K;
  readonly label: string;
}

/** A tab that went under "more" appears in the menu; one shown on the strip does not. */
function MoreItem<K extends string>({ tab, onSelect }: { tab: TabDef<K>; onSelect(key: K): void }) {
  const visible = useIsOverflowItemVisible(tab.key);
  if (visible) return null;
  return (
    <MenuItem onClick={() => onSelect(tab.key)} data-testid={`more-tab-${tab.key}`}>
      {tab.label}
    </MenuItem>
  );
}

export interface MoreTabsMenuProps<K extends string> {
  readonly tabs: ReadonlyArray<TabDef<K>>;
  /** the "more" button: the menu opens below it */
  readonly target: HTMLElement;
  onSelect(key: K): void;
  onClose(): void;
}

export function MoreTabsMenu<K extends string>({ tabs, target, onSelect, onClose }: MoreTabsMenuProps<K>) {
  return (
    <Menu open onOpenChange={(_, data) => !data.open && onClose()} positioning={{ target, position: 'below', align: 'end' }}>
      <MenuPopover>
        <MenuList>
          {tabs.map((t) => (
            <MoreItem key={t.key} tab={t} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
