// commander in the user's language: the help (headings, usage, every description) and commander's
// own complaints (unknown option or command, a missing argument, an invalid choice), worded from the
// error's code and the names commander put in its message. Chinese unless --lang en.
import { Command, CommanderError, Help } from 'commander';
import { Lang } from '../domain/enums';

type Words = Readonly<Record<Lang, string>>;

const HEADINGS: Readonly<Record<string, Words>> = {
  'Usage:': { zh: '用法：', en: 'Usage:' },
  'Arguments:': { zh: '参数：', en: 'Arguments:' },
  'Options:': { zh: '选项：', en: 'Options:' },
  'Commands:': { zh: '命令：', en: 'Commands:' },
  'Global Options:': { zh: '全局选项：', en: 'Global Options:' },
};

const USAGE_WORDS: ReadonlyArray<[string, Words]> = [
  ['[options]', { zh: '[选项]', en: '[options]' }],
  ['[command]', { zh: '[命令]', en: '[command]' }],
];

/** Columns a text takes in a terminal: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  const plain = text.replace(/\x1b\[\d*(;\d*)*m/g, '');
  let width = 0;
  for (const ch of plain) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

const CJK = '\u2e80-\u9fff\uac00-\ud7a3\uf900-\ufaff';
const OPENING = '（「『“‘《';
const CLOSING = '，。、；：！？）」』”’》';
/** What a line may break before: a space, any CJK character (punctuation kept with its neighbour), a word. */
const CHUNK = new RegExp(`\\s*(?:[${OPENING}]*[${CJK}][${CLOSING}]*|[${OPENING}]*[^\\s${CJK}${OPENING}${CLOSING}]+[${CLOSING}]*|[${OPENING}${CLOSING}]+)`, 'g');

/** Text wrapped to `width` columns: at spaces, as commander does, and between CJK characters, which
 *  have no spaces to break at. */
function boxWrap(text: string, width: number): string {
  if (width < 40) return text;
  return text
    .split(/\r\n|\n/)
    .map((line) => {
      const chunks = line.match(CHUNK);
      if (!chunks) return '';
      const lines: string[] = [];
      let current = chunks[0];
      for (const chunk of chunks.slice(1)) {
        if (displayWidth(current) + displayWidth(chunk) <= width) current += chunk;
        else {
          lines.push(current);
          current = chunk.trimStart();
        }
      }
      lines.push(current);
      return lines.join('\n');
    })
    .join('\n');
}

/** The help of `program` and its commands in `lang`. Call before adding commands: they inherit it. */
export function configureHelp(program: Command, lang: Lang): void {
  const base = new Help();
  const usage = (text: string) => USAGE_WORDS.reduce((s, [from, to]) => s.split(from).join(to[lang]), text);
  program.configureHelp({
    styleTitle: (title) => HEADINGS[title]?.[lang] ?? title,
    commandUsage: (cmd) => usage(base.commandUsage(cmd)),
    subcommandTerm: (cmd) => usage(base.subcommandTerm(cmd)),
    // our descriptions say the choices and defaults themselves, in the user's words
    optionDescription: (option) => option.description,
    argumentDescription: (argument) => argument.description,
    displayWidth,
    boxWrap,
    // a full-width colon needs no space after it
    formatHelp: (cmd, helper) => base.formatHelp(cmd, helper).replace(/^(\S+：) /, '$1'),
  });
}

const ERRORS = {
  unknownOption: { zh: '未知选项 {flag}', en: 'unknown option {flag}' },
  unknownCommand: { zh: '未知命令 {name}', en: 'unknown command {name}' },
  didYouMean: { zh: '（是否想用 {it}？）', en: ' (did you mean {it}?)' },
  missingArgument: { zh: '缺少参数 <{name}>', en: 'missing argument <{name}>' },
  optionMissingArgument: { zh: '选项 {flag} 缺少值', en: 'option {flag} needs a value' },
  invalidChoice: { zh: '{what}的值“{value}”无效，可选：{choices}', en: '{what}: "{value}" is not valid; choose one of {choices}' },
  invalidValue: { zh: '{what}的值“{value}”无效：{reason}', en: '{what}: "{value}" is not valid: {reason}' },
  option: { zh: '选项 {flag} ', en: 'option {flag}' },
  argument: { zh: '参数 <{name}> ', en: 'argument <{name}>' },
  excessArguments: { zh: '参数过多：{command}需要 {expected} 个参数，实际给了 {got} 个', en: 'too many arguments{command}: expected {expected}, got {got}' },
  seeHelp: { zh: '（运行 {usage} --help 查看用法）', en: ' (see {usage} --help)' },
} as const;

function say(lang: Lang, key: keyof typeof ERRORS, vars: Record<string, string>): string {
  let s: string = ERRORS[key][lang];
  for (const [k, v] of Object.entries(vars)) s = s.split(`{${k}}`).join(v);
  return s;
}

/** An option's flags as typed: `--lang <lang>` → `--lang`, `-h, --help` → `--help`. */
function flagOf(flags: string): string {
  const words = flags.split(/[\s,|]+/).filter((w) => w.startsWith('-'));
  return words.find((w) => w.startsWith('--')) ?? words[0] ?? flags;
}

const list = (lang: Lang, items: ReadonlyArray<string>) => items.join(lang === 'zh' ? '、' : ', ');

/** What commander found wrong with the command line, in `lang`; `command`: the subcommand typed, if any. */
export function commanderMessage(e: CommanderError, lang: Lang, command: string | undefined): string {
  const m = e.message;
  const suggestion = (text: string) => {
    const did = /\(Did you mean (\S+?)\?\)/.exec(text);
    return did ? say(lang, 'didYouMean', { it: did[1] }) : '';
  };
  const help = say(lang, 'seeHelp', { usage: command ? `deskbook ${command}` : 'deskbook' });
  let match: RegExpExecArray | null;
  switch (e.code) {
    case 'commander.unknownOption':
      if ((match = /unknown option '([^']+)'/.exec(m))) return say(lang, 'unknownOption', { flag: match[1] }) + suggestion(m) + help;
      break;
    case 'commander.unknownCommand':
      if ((match = /unknown command '([^']+)'/.exec(m))) return say(lang, 'unknownCommand', { name: match[1] }) + suggestion(m) + say(lang, 'seeHelp', { usage: 'deskbook' });
      break;
    case 'commander.missingArgument':
      if ((match = /missing required argument '([^']+)'/.exec(m))) return say(lang, 'missingArgument', { name: match[1] }) + help;
      break;
    case 'commander.optionMissingArgument':
      if ((match = /option '([^']+)' argument missing/.exec(m))) return say(lang, 'optionMissingArgument', { flag: flagOf(match[1]) }) + help;
      break;
    case 'commander.invalidArgument': {
      const option = /option '([^']+)' argument '([\s\S]*)' is invalid\. ([\s\S]*)$/.exec(m);
      const argument = /command-argument value '([\s\S]*)' is invalid for argument '([^']+)'\. ([\s\S]*)$/.exec(m);
      const what = option ? say(lang, 'option', { flag: flagOf(option[1]) }) : argument ? say(lang, 'argument', { name: argument[2] }) : undefined;
      const value = option ? option[2] : argument?.[1];
      const reason = option ? option[3] : argument?.[3];
      if (what === undefined || value === undefined || reason === undefined) break;
      const choices = /^Allowed choices are (.*)\.$/.exec(reason.trim());
      // any other reason is our own parser's, already in the user's language
      return (choices ? say(lang, 'invalidChoice', { what, value, choices: list(lang, choices[1].split(', ')) }) : say(lang, 'invalidValue', { what, value, reason })) + help;
    }
    case 'commander.excessArguments':
      if ((match = /Expected (\d+) arguments? but got (\d+)/.exec(m))) {
        const named = command ? (lang === 'zh' ? `${command} ` : ` for ${command}`) : '';
        return say(lang, 'excessArguments', { command: named, expected: match[1], got: match[2] }) + help;
      }
      break;
  }
  // a complaint the words above do not cover: commander's own, without its "error:" prefix
  return m.replace(/^error:\s*/, '') + help;
}
