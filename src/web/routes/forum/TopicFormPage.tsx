import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';

export function NewTopicPage() {
  const t = useT();
  return <PageHeader title={t.forum.newTopic} />;
}

export function EditTopicPage() {
  const t = useT();
  return <PageHeader title={t.forum.editTopic} />;
}
