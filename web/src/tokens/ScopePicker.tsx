import { Checkbox, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { SCOPE_AREAS, type ScopeArea } from '../../../src/core/scopes.ts';

export type ScopeChoice = Record<ScopeArea, 'none' | 'read' | 'write'>;

export const NO_SCOPES = Object.fromEntries(SCOPE_AREAS.map((area) => [area, 'none'])) as ScopeChoice;

/** The token scopes a choice stands for: `*`, or `area:read` / `area:write` per area chosen. */
export function scopesOf(all: boolean, choice: ScopeChoice): string[] {
  if (all) return ['*'];
  return SCOPE_AREAS.filter((area) => choice[area] !== 'none').map((area) => `${area}:${choice[area]}`);
}

/** Every scope the API knows, one read/write choice per area, or everything. */
export function ScopePicker({ all, onAllChange, choice, onChange, error }: {
  all: boolean;
  onAllChange: (all: boolean) => void;
  choice: ScopeChoice;
  onChange: (choice: ScopeChoice) => void;
  error?: string | null;
}) {
  return (
    <Stack gap="xs" role="group" aria-label="Scopes">
      <Text size="sm" fw={500}>
        Scopes
      </Text>
      <Checkbox label="Everything (*)" checked={all} onChange={(event) => onAllChange(event.currentTarget.checked)} />
      {!all && (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" verticalSpacing={6}>
          {SCOPE_AREAS.map((area) => (
            <div key={area}>
              <Text size="xs" id={`scope-${area}`}>
                {area}
              </Text>
              <SegmentedControl
                size="xs"
                fullWidth
                aria-labelledby={`scope-${area}`}
                value={choice[area]}
                onChange={(value) => onChange({ ...choice, [area]: value as ScopeChoice[ScopeArea] })}
                data={[{ value: 'none', label: 'None' }, { value: 'read', label: 'Read' }, { value: 'write', label: 'Write' }]}
              />
            </div>
          ))}
        </SimpleGrid>
      )}
      {error && (
        <Text size="sm" c="red.9" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
