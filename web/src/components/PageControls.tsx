import { Pagination } from '@mantine/core';

/** Page buttons under a server-paged list: nothing when every item fits on one page. */
export function PageControls({ total, pageSize, page, onChange }: { total: number; pageSize: number; page: number; onChange: (page: number) => void }) {
  if (total <= pageSize) return null;
  return (
    <Pagination
      total={Math.ceil(total / pageSize)}
      value={page}
      onChange={onChange}
      size="sm"
      getItemProps={(item) => ({ 'aria-label': `Page ${item}` })}
    />
  );
}
