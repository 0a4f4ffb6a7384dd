import { once } from 'node:events';
import { createServer, IncomingMessage } from 'node:http';
import { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { LoggingSmsSender, renderSms, WebhookSmsSender } from './sms-sender';

describe('SMS senders', () => {
  const message = {
    to: '13812345678',
    template: 'EVENT_INVITATION' as const,
    params: { name: '王小燕', time: '2026年12月10日 09:00', station: '龙华区金贸街道就业驿站', title: '养老护理员专场招聘会', link: '/events/x/invitation?token=t', expires: '2026年12月9日 09:00' },
  };

  it('renders the Chinese templates', () => {
    expect(renderSms(message)).toBe(
      '【海南公共就业服务】王小燕您好，诚邀您参加2026年12月10日 09:00在龙华区金贸街道就业驿站举办的“养老护理员专场招聘会”招聘活动。确认或谢绝请打开：/events/x/invitation?token=t（2026年12月9日 09:00前有效）',
    );
  });

  it('the logging adapter logs a masked number and never the number, the name or the link', async () => {
    const lines: string[] = [];
    const spy = jest.spyOn(Logger.prototype, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
    try {
      await new LoggingSmsSender().send(message);
    } finally {
      spy.mockRestore();
    }
    expect(lines.join('\n')).toContain('138****5678');
    expect(lines.join('\n')).not.toContain('13812345678');
    expect(lines.join('\n')).not.toContain('王小燕');
    expect(lines.join('\n')).not.toContain('token');
  });

  it('the webhook adapter posts the message as JSON and fails on a non-2xx answer', async () => {
    const received: unknown[] = [];
    let status = 200;
    const server = createServer(async (request: IncomingMessage, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      response.statusCode = status;
      response.end();
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
    const spy = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    try {
      await new WebhookSmsSender(url).send(message);
      expect(received).toEqual([{ to: '13812345678', template: 'EVENT_INVITATION', text: renderSms(message) }]);
      status = 502;
      await expect(new WebhookSmsSender(url).send(message)).rejects.toThrow('SMS gateway answered 502');
    } finally {
      spy.mockRestore();
      server.close();
    }
  });
});
