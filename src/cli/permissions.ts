// `npm run permissions`: prints the permission matrix (the README's copy must match it).
import { permissionMatrixMarkdown } from '../auth/matrix.ts';

console.log(permissionMatrixMarkdown());
