import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import type { Translate } from '../src-shared/i18n';
import { issueLine } from '../src-shared/i18n/field-messages';
import {
  type ChannelMethod,
  type ChannelParsedRequest,
  type ChannelResponse,
  channelByName,
  channelMethods,
  channels,
} from '../src-shared/ipc';
import { fail, ok, type Result, UserFacingError } from '../src-shared/result';
import { describeIssues } from '../src-shared/validation';

/** What main implements: one async function per channel of the table. */
export type MainHandlers = {
  [M in ChannelMethod]: (request: ChannelParsedRequest<M>) => Promise<ChannelResponse<M>>;
};

/** Who is calling: the frame's URL and whether it is the window's top frame. */
export interface SenderInfo {
  url: string;
  isMainFrame: boolean;
}

export type Dispatch = (
  channelName: string,
  payload: unknown,
  sender: SenderInfo,
) => Promise<Result<unknown>>;

export interface DispatcherOptions {
  isTrustedSender: (sender: SenderInfo) => boolean;
  log: (event: string, detail: string) => void;
  /** Main's current language (src-main/i18n.ts); English when left out. */
  translate?: Translate;
}

/**
 * The single door into main: checks the sender, validates the payload with the channel's
 * schema, runs the handler, validates the answer, and always resolves to a Result.
 */
export function createDispatcher(handlers: MainHandlers, options: DispatcherOptions): Dispatch {
  const say = (key: 'unexpectedAnswer' | 'somethingWentWrong', english: string) =>
    options.translate ? options.translate(`errors.${key}`) : english;
  return async (channelName, payload, sender) => {
    const method = channelByName(channelName);
    if (!method) {
      options.log('unknown-channel', channelName);
      return fail('UNKNOWN_CHANNEL', `There is no "${String(channelName).slice(0, 80)}" action.`);
    }
    if (!sender.isMainFrame || !options.isTrustedSender(sender)) {
      options.log('forbidden-sender', `${channelName} from ${sender.url}`);
      return fail('FORBIDDEN_SENDER', 'This request did not come from Stillpoint and was refused.');
    }
    const definition = channels[method];
    const request = safeParseOrRefuse(definition.request, payload);
    if (!request.success) {
      const issues = describeIssues(request.error);
      options.log('invalid-request', `${channelName}: ${issues.join('; ')}`);
      // Each line's field path as it is (a support person searches for it), the schema's own
      // message in the app's language (zod's defaults stay English in main).
      const { translate } = options;
      return fail(
        'INVALID_REQUEST',
        translate
          ? translate('errors.invalidRequest', {
              details: issues.map((line) => issueLine(translate, line)).join('; '),
            })
          : `The request was not valid: ${issues.join('; ')}`,
      );
    }
    try {
      const handler = handlers[method] as (request: unknown) => Promise<unknown>;
      const value = await handler(request.data);
      const response = definition.response.safeParse(value);
      if (!response.success) {
        options.log('invalid-response', `${channelName}: ${describeIssues(response.error).join('; ')}`);
        return fail(
          'INTERNAL',
          say('unexpectedAnswer', 'Stillpoint produced an unexpected answer. Please try again.'),
        );
      }
      return ok(response.data);
    } catch (error) {
      if (error instanceof UserFacingError) {
        const { translation } = error;
        return fail(
          error.code,
          translation && options.translate
            ? options.translate(translation.key, translation.values)
            : error.message,
        );
      }
      options.log(
        'handler-failed',
        `${channelName}: ${error instanceof Error ? error.stack : String(error)}`,
      );
      return fail(
        'INTERNAL',
        say(
          'somethingWentWrong',
          'Something went wrong in Stillpoint. Your records are unchanged; please try again.',
        ),
      );
    }
  };
}

/**
 * `safeParse` that never throws. zod can throw on some hostile values instead of reporting them
 * (zod 4.6 throws a TypeError for a Promise placed in a number field of a draft note inside a
 * client record); a payload the schema cannot even examine is simply not a valid request.
 */
function safeParseOrRefuse(schema: z.ZodType, payload: unknown): ReturnType<z.ZodType['safeParse']> {
  try {
    return schema.safeParse(payload);
  } catch {
    return {
      success: false,
      error: new z.ZodError([
        { code: 'custom', path: [], message: 'This request could not be read', input: payload },
      ]),
    };
  }
}

/** Registers every channel of the table with Electron; no channel is left out. */
export function registerChannels(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch): void {
  for (const method of channelMethods) {
    const name = channels[method].name;
    ipcMain.handle(name, (event: IpcMainInvokeEvent, payload: unknown) =>
      dispatch(name, payload, {
        url: event.senderFrame?.url ?? '',
        isMainFrame: event.senderFrame != null && event.senderFrame === event.sender.mainFrame,
      }),
    );
  }
}
