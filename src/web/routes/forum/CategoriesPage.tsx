import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';

export function CategoriesPage() {
  const t = useT();
  return <PageHeader title={t.forum.categoriesTitle} />;
}
