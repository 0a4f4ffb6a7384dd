import { Button, Card, Flex, Grid, Table, Tag, Typography } from 'antd';
import { shanghaiToday } from '../../app/format';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApi } from '../../app/hooks';
import { EventItem, eventKind, EVENT_STATUS_COLOR } from '../../components/events';
import { Async } from '../../components/States';
import { Name } from '../../components/Name';

/** Monday of the week of an ISO date (weeks run Monday to Sunday, as the stations plan them). */
export function mondayOf(date: string): string {
  const d = dayjs(date);
  return d.subtract((d.day() + 6) % 7, 'day').format('YYYY-MM-DD');
}

export function addDays(date: string, days: number): string {
  return dayjs(date).add(days, 'day').format('YYYY-MM-DD');
}

/** "12月7日–12月13日" / "Dec 7 – Dec 13". */
export function weekLabel(monday: string, en: boolean): string {
  const f = en ? 'MMM D' : 'M月D日';
  return `${dayjs(monday).format(f)}–${dayjs(addDays(monday, 6)).format(f)}`;
}

/** Today's date as the browser's calendar has it. */
export function today(): string {
  return shanghaiToday();
}

/** The weeks from this one on, for the week filter. */
export function upcomingWeeks(count: number, en: boolean): { value: string; label: string }[] {
  const first = mondayOf(dayjs().format('YYYY-MM-DD'));
  return Array.from({ length: count }, (_, i) => {
    const monday = addDays(first, 7 * i);
    return { value: monday, label: weekLabel(monday, en) };
  });
}

/** Statuses that hold a station's day. */
const HOLDS_DAY: EventItem['status'][] = ['proposed', 'accepted', 'published', 'completed'];

function EventChip({ event }: { event: EventItem }) {
  const { t } = useTranslation();
  return (
    <Link to={`/station/events/${event.id}`} className="week-event">
      <Tag color={EVENT_STATUS_COLOR[event.status]} style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}>
        {t(`station.eventKinds.${eventKind(event)}`)} · {t(`enums.event.${event.status}`)}
      </Tag>
      <Typography.Text style={{ display: 'block', fontSize: 12 }}><Name>{event.title}</Name></Typography.Text>
    </Link>
  );
}

/**
 * The stations' week: each station's events and proposals day by day (Monday to Sunday), so the staff see where a
 * week is already full (one event a day, the weekly limit). A grid on a wide screen, a list of days on a phone.
 */
export function StationWeeks({ week, onWeek, station }: { week: string; onWeek(monday: string): void; station?: string }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  const screens = Grid.useBreakpoint();
  const days = Array.from({ length: 7 }, (_, i) => addDays(week, i));
  const state = useApi('/api/events', {
    query: { from: week, to: days[6], station, limit: 200 },
  });
  const dayLabel = (d: string) => dayjs(d).format(en ? 'ddd M/D' : 'M月D日 ddd');

  return (
    <Card
      size="small"
      id="station-weeks"
      title={t('station.week.title', { week: weekLabel(week, en) })}
      extra={
        <Flex gap={4}>
          <Button size="small" id="week-previous" onClick={() => onWeek(addDays(week, -7))}>
            {t('station.week.previous')}
          </Button>
          <Button size="small" id="week-next" onClick={() => onWeek(addDays(week, 7))}>
            {t('station.week.next')}
          </Button>
        </Flex>
      }
    >
      <Async state={state} empty={t('station.week.empty')}>
        {(page) => {
          const events = page.items.filter((e) => HOLDS_DAY.includes(e.status));
          if (events.length === 0) return <Typography.Text type="secondary">{t('station.week.empty')}</Typography.Text>;
          const stations = [...new Map(events.map((e) => [e.station.id, e.station])).values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
          if (!screens.md) {
            // A phone: one card per day with its events, days without any left out.
            return (
              <Flex vertical gap={8}>
                {days
                  .filter((d) => events.some((e) => e.date === d))
                  .map((d) => (
                    <Card key={d} size="small" type="inner" title={dayLabel(d)}>
                      <Flex vertical gap={8}>
                        {events
                          .filter((e) => e.date === d)
                          .map((e) => (
                            <div key={e.id}>
                              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                                <Name>{e.station.name}</Name>
                              </Typography.Text>
                              <EventChip event={e} />
                            </div>
                          ))}
                      </Flex>
                    </Card>
                  ))}
              </Flex>
            );
          }
          return (
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              className="table-wide"
              dataSource={stations}
              columns={[
                {
                  title: t('station.filters.station'),
                                    width: 180,
                  render: (_, s) => (
                    <Flex vertical>
                      <Typography.Text><Name>{s.name}</Name></Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('station.week.count', {
                          n: events.filter((e) => e.station.id === s.id).length,
                        })}
                      </Typography.Text>
                    </Flex>
                  ),
                },
                ...days.map((d) => ({
                  key: d,
                  title: dayLabel(d),
                  render: (_: unknown, s: (typeof stations)[number]) => (
                    <Flex vertical gap={4}>
                      {events
                        .filter((e) => e.station.id === s.id && e.date === d)
                        .map((e) => (
                          <EventChip key={e.id} event={e} />
                        ))}
                    </Flex>
                  ),
                })),
              ]}
            />
          );
        }}
      </Async>
    </Card>
  );
}
