import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';

export function TopicPage() {
  const t = useT();
  return <PageHeader title={t.forum.title} />;
}
