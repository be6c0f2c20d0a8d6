import { column, h, type ExportDefinition } from '../definition.ts';
import { headers } from './common.ts';

export const indicatorsExport: ExportDefinition = {
  name: 'indicators',
  field: 'indicators',
  title: h('Көрсөткүчтөр', 'Показатели', 'Indicators'),
  columns: [
    column('indicator.code', 'text', headers.code),
    column('indicator.name.text', 'text', h('Көрсөткүч', 'Показатель', 'Indicator')),
    column('indicator.ownerUnit', 'text', headers.ownerUnit),
    column('year', 'number', h('Жыл', 'Год', 'Year')),
    column('target.value', 'number', h('Максаттуу маани', 'Целевое значение', 'Target')),
    column('latestValue', 'number', h('Акыркы маани', 'Последнее значение', 'Latest value')),
    column('progress', 'number', h('Аткарылышы', 'Выполнение', 'Progress')),
    column('statusLabel', 'text', headers.status),
    column('openCorrectiveActions', 'number', h('Ачык оңдоо аракеттери', 'Открытые корректирующие действия', 'Open corrective actions')),
  ],
};
