import { column, h, type ExportDefinition } from '../definition.ts';
import { headers } from './common.ts';

/** A campaign's results (filter by campaignId): each caller gets the entries they may read. */
export const ratingResultsExport: ExportDefinition = {
  name: 'rating-results',
  field: 'ratingEntries',
  title: h('Рейтингдин жыйынтыктары', 'Результаты рейтинга', 'Rating results'),
  columns: [
    column('campaign.year', 'number', h('Жыл', 'Год', 'Year')),
    column('teacherId', 'text', h('Окутуучунун идентификатору', 'Идентификатор преподавателя', 'Teacher id')),
    column('teacherName', 'text', h('Окутуучу', 'Преподаватель', 'Teacher')),
    column('unit', 'text', h('Бөлүм', 'Подразделение', 'Unit')),
    column('total', 'number', h('Жалпы балл', 'Итоговый балл', 'Total')),
    column('unitRank', 'number', h('Бөлүмдөгү орун', 'Место в подразделении', 'Rank in unit')),
    column('universityRank', 'number', h('Университеттеги орун', 'Место в университете', 'Rank in university')),
    column('statusLabel', 'text', headers.status),
    column('submittedAt', 'datetime', h('Тапшырылган убакыт', 'Время подачи', 'Submitted at')),
  ],
};
