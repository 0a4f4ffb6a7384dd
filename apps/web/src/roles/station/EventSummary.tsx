import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatTime } from '../../app/format';
import { EventItem } from '../../components/events';
import { FilledIn, Name } from '../../components/Name';

export function EventSummary({ event }: { event: EventItem }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  return (
    <Flex vertical gap={4}>
      <Typography.Text>
        {formatDate(event.date)} {formatTime(event.startsAt)}–{formatTime(event.endsAt)} · {t(`enums.eventType.${event.type}`)} · <Name>{event.station.name}</Name>
      </Typography.Text>
      <Typography.Text>
        {t('station.expected', { expected: event.expectedAttendance, capacity: event.capacity, headcount: event.headcountAddressed, employers: event.employers.length })}
      </Typography.Text>
      {event.reasons.length > 0 && (
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {event.reasons.map((r, i) => (
            <li key={i}>{en ? <FilledIn text={r.en} /> : r.zh}</li>
          ))}
        </ul>
      )}
    </Flex>
  );
}
