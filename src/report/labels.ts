// Every word the annual report prints, in Kyrgyz, Russian and English.
import type { Language } from '../domain/values.ts';

type Text = Record<Language, string>;
const t = (ky: string, ru: string, en: string): Text => ({ ky, ru, en });

export const reportLabels = {
  title: t('Жылдык аналитикалык отчет', 'Годовой аналитический отчёт', 'Annual analytical report'),
  university: t('Ош мамлекеттик университети', 'Ошский государственный университет', 'Osh State University'),
  department: t(
    'Билим берүүнүн, илимдин жана инновациялардын сапатын стратегиялык пландоо бөлүмү',
    'Отдел стратегического планирования качества образования, науки и инноваций',
    'Department of Strategic Planning for the Quality of Education, Research and Innovation',
  ),
  year: t('Жыл', 'Год', 'Year'),
  generatedOn: t('Түзүлгөн күнү', 'Дата формирования', 'Generated on'),
  none: t('Жок.', 'Нет.', 'None.'),
  total: t('Бардыгы', 'Всего', 'Total'),
  byStatus: t('Абалы боюнча', 'По статусам', 'By status'),
  byStage: t('Баскычы боюнча', 'По этапам', 'By stage'),
  licences: t('1. Лицензиялар', '1. Лицензии', '1. Licences'),
  licencesExpiring: t('Ушул жылы мөөнөтү бүтүүчү лицензиялар', 'Лицензии, срок которых истекает в этом году', 'Licences expiring this year'),
  accreditations: t('2. Аккредитация', '2. Аккредитация', '2. Accreditation'),
  accreditationsExpiring: t(
    'Ушул жылы мөөнөтү бүтүүчү аккредитациялар',
    'Аккредитации, срок которых истекает в этом году',
    'Accreditations expiring this year',
  ),
  interimDue: t('Ушул жылы тапшырылуучу аралык отчеттор', 'Промежуточные отчёты, которые сдаются в этом году', 'Interim reports due this year'),
  indicators: t('3. Стратегиялык көрсөткүчтөр', '3. Стратегические показатели', '3. Strategic indicators'),
  indicatorTrends: t('Көрсөткүчтөрдүн динамикасы', 'Динамика показателей', 'Indicator trends'),
  value: t('Маани', 'Значение', 'Value'),
  target: t('Максат', 'Цель', 'Target'),
  correctiveActions: t('4. Оңдоо аракеттери', '4. Корректирующие действия', '4. Corrective actions'),
  overdueActions: t('Мөөнөтү өткөн аракеттер', 'Просроченные действия', 'Overdue actions'),
  rating: t('5. Профессордук-окутуучулук курамдын рейтинги', '5. Рейтинг профессорско-преподавательского состава', '5. Teaching-staff rating'),
  noRating: t('Бул жылы рейтинг өткөрүлгөн жок.', 'В этом году рейтинг не проводился.', 'No rating campaign this year.'),
  entries: t(
    'Анкеталар: долбоор {draft}, тапшырылган {submitted}, кайтарылган {returned}, текшерилген {verified}',
    'Анкеты: черновики {draft}, поданы {submitted}, возвращены {returned}, проверены {verified}',
    'Entries: draft {draft}, submitted {submitted}, returned {returned}, verified {verified}',
  ),
  unit: t('Бөлүм', 'Подразделение', 'Unit'),
  ranked: t('Орун алгандар', 'В рейтинге', 'Ranked'),
  average: t('Орточо', 'Среднее', 'Average'),
  highest: t('Эң жогорку', 'Наивысший', 'Highest'),
  lowest: t('Эң төмөнкү', 'Наименьший', 'Lowest'),
  rankings: t('6. Рейтингдердеги орундар', '6. Позиции в рейтингах', '6. Ranking positions'),
  noRankings: t('Рейтингдер боюнча маалымат жок.', 'Нет данных о рейтингах.', 'No ranking data.'),
  ranking: t('Рейтинг', 'Рейтинг', 'Ranking'),
  position: t('Орун', 'Место', 'Position'),
  score: t('Балл', 'Балл', 'Score'),
  lastYear: t('Былтыр', 'Прошлый год', 'Last year'),
  change: t('Өзгөрүү', 'Изменение', 'Change'),
  trend: t('Динамика', 'Динамика', 'Trend'),
  programme: t('Программа', 'Программа', 'Programme'),
  faculty: t('Факультет', 'Факультет', 'Faculty'),
  validUntil: t('Мөөнөтү', 'Действует до', 'Valid until'),
  status: t('Абалы', 'Статус', 'Status'),
  agency: t('Агенттик', 'Агентство', 'Agency'),
  kind: t('Түрү', 'Вид', 'Kind'),
  dueOn: t('Мөөнөтү', 'Срок', 'Due on'),
  problem: t('Көйгөй', 'Проблема', 'Problem'),
  page: t('Барак', 'Страница', 'Page'),
} satisfies Record<string, Text>;

export type ReportLabel = keyof typeof reportLabels;
