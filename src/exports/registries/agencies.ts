import { column, h, type ExportDefinition } from '../definition.ts';
import { headers } from './common.ts';

export const agenciesExport: ExportDefinition = {
  name: 'agencies',
  field: 'agencies',
  title: h('Аккредитациялык агенттиктер', 'Аккредитационные агентства', 'Accreditation agencies'),
  columns: [
    column('agencyId', 'text', headers.id),
    column('name', 'text', h('Аталышы', 'Наименование', 'Name')),
    column('kindLabel', 'text', h('Түрү', 'Вид', 'Kind')),
    column('country', 'text', h('Өлкө', 'Страна', 'Country')),
    column('memberships', 'text', h('Мүчөлүктөр', 'Членство', 'Memberships')),
    column('registeredFrom', 'date', h('Катталган күнү', 'Зарегистрировано с', 'Registered from')),
    column('registeredUntil', 'date', h('Каттоо мөөнөтү', 'Зарегистрировано до', 'Registered until')),
  ],
};
