import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Words } from './Words';

export interface NoticeData {
  readonly intent: 'success' | 'error' | 'warning' | 'info';
  readonly title?: string;
  readonly text: string;
}

export function Notice({ notice, testId }: { notice: NoticeData; testId: string }) {
  return (
    <MessageBar intent={notice.intent} layout="multiline" data-testid={testId} data-intent={notice.intent}>
      <MessageBarBody>
        {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
        <Words text={notice.text} />
      </MessageBarBody>
    </MessageBar>
  );
}
