import { column, h, type ExportDefinition } from '../definition.ts';
import { headers } from './common.ts';

export const cooperationPlansExport: ExportDefinition = {
  name: 'cooperation-plans',
  field: 'cooperationPlans',
  title: h('Рейтинг уюмдары менен кызматташуу пландары', 'Планы сотрудничества с рейтинговыми организациями', 'Ranking cooperation plans'),
  columns: [
    column('rankingCooperationPlanId', 'text', headers.id),
    column('organisation.shortName', 'text', h('Рейтинг уюму', 'Рейтинговая организация', 'Ranking organisation')),
    column('title', 'text', headers.title),
    column('year', 'number', h('Жыл', 'Год', 'Year')),
    column('agreementNumber', 'text', h('Келишимдин номери', 'Номер соглашения', 'Agreement number')),
    column('adopted', 'boolean', h('Кабыл алынган', 'Принят', 'Adopted')),
    column('adoptedOn', 'date', h('Кабыл алынган күнү', 'Дата принятия', 'Adopted on')),
    column('activityCount', 'number', h('Иш-чаралар', 'Мероприятия', 'Activities')),
    column('doneCount', 'number', h('Аткарылганы', 'Выполнено', 'Done')),
    column('overdueCount', 'number', h('Мөөнөтү өткөнү', 'Просрочено', 'Overdue')),
  ],
};
