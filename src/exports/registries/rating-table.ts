import { column, h, type ExportDefinition } from '../definition.ts';
import { headers } from './common.ts';

/**
 * A campaign's results table (campaignId required, as the query requires it), in university order with
 * the faculty, chair, position and rate of each ranked teacher; each caller gets the rows they may read.
 */
export const ratingTableExport: ExportDefinition = {
  name: 'rating-table',
  field: 'ratingResults',
  title: h('Рейтингдин жыйынтык таблицасы', 'Итоговая таблица рейтинга', 'Rating results table'),
  columns: [
    column('universityRank', 'number', h('Университеттеги орун', 'Место в университете', 'Rank in university')),
    column('teacherId', 'text', h('Окутуучунун идентификатору', 'Идентификатор преподавателя', 'Teacher id')),
    column('teacherName', 'text', h('Окутуучу', 'Преподаватель', 'Teacher')),
    column('faculty', 'text', headers.faculty),
    column('facultyRank', 'number', h('Факультеттеги орун', 'Место на факультете', 'Rank in faculty')),
    column('chair', 'text', h('Кафедра', 'Кафедра', 'Chair')),
    column('chairRank', 'number', h('Кафедрадагы орун', 'Место на кафедре', 'Rank in chair')),
    column('staffPositionLabel', 'text', h('Кызматы', 'Должность', 'Position')),
    column('positionRank', 'number', h('Кызмат боюнча орун', 'Место по должности', 'Rank by position')),
    column('rate', 'number', h('Ставка', 'Ставка', 'Rate')),
    column('total', 'number', h('Жалпы балл', 'Итоговый балл', 'Total')),
    column('normalisedTotal', 'number', h('Ставкага келтирилген балл', 'Балл с учётом ставки', 'Total per rate')),
    column('statusLabel', 'text', headers.status),
  ],
};
