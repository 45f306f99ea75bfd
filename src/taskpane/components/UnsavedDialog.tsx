// Asked before the pane drops a workbook that holds changes not yet downloaded (standalone mode):
// download it first, discard the changes, or stay. Loaded only when first needed.
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import type { Strings } from '../i18n';

export type UnsavedChoice = 'download' | 'discard' | 'cancel';

export interface UnsavedDialogProps {
  strings: Strings;
  /** the open workbook's file name */
  current: string;
  /** what would replace it: a file's name, or the sample's */
  next: string;
  onChoose(choice: UnsavedChoice): void;
}

export function UnsavedDialog({ strings, current, next, onChoose }: UnsavedDialogProps) {
  return (
    <Dialog open modalType="alert" onOpenChange={(_, data) => !data.open && onChoose('cancel')}>
      <DialogSurface data-testid="unsaved-dialog" aria-describedby="unsaved-dialog-text">
        <DialogBody>
          <DialogTitle>{strings.unsavedTitle}</DialogTitle>
          <DialogContent id="unsaved-dialog-text">{strings.unsavedText(current, next)}</DialogContent>
          <DialogActions fluid>
            <Button appearance="primary" onClick={() => onChoose('download')} data-testid="unsaved-download">
              {strings.unsavedDownload}
            </Button>
            <Button onClick={() => onChoose('discard')} data-testid="unsaved-discard">
              {strings.unsavedDiscard}
            </Button>
            <Button appearance="subtle" onClick={() => onChoose('cancel')} data-testid="unsaved-cancel">
              {strings.cancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
