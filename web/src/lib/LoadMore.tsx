import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';

/** Footer for cursor-paginated tables. */
export function LoadMore({
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
}: {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}) {
  const { t } = useTranslation();
  if (!hasNextPage) return null;
  return (
    <Flex justify="center" style={{ marginTop: 16 }}>
      <Button onClick={() => void fetchNextPage()} loading={isFetchingNextPage}>
        {t('common.loadMore')}
      </Button>
    </Flex>
  );
}
