import { useConfig } from '../../queries';
import { CountryField, ProvinceSelect } from './config-fields';

export interface Place {
  country: string;
  province: string;
}

interface Props {
  countryLabel: string;
  provinceLabel: string;
  placeholder: string;
  value: Place;
  onChange: (place: Place) => void;
  countryError?: string | undefined;
  provinceError?: string | undefined;
  /** The selects are `${testId}-country` and `${testId}-province`. */
  testId: string;
}

/**
 * A place: the configured country or one it works with, and, in the configured country, the
 * province (the configuration lists only its own provinces).
 */
export function PlaceFields(props: Props) {
  const { value, onChange, testId, placeholder } = props;
  const home = useConfig().data?.country;
  const atHome = value.country !== '' && value.country === home;
  return (
    <>
      <CountryField
        label={props.countryLabel}
        withHome
        placeholder={placeholder}
        value={value.country}
        onChange={(country) => onChange({ country, province: country === home ? value.province : '' })}
        error={props.countryError}
        data-testid={`${testId}-country`}
      />
      {atHome && (
        <ProvinceSelect
          label={props.provinceLabel}
          placeholder={placeholder}
          value={value.province}
          onChange={(province) => onChange({ ...value, province })}
          error={props.provinceError}
          data-testid={`${testId}-province`}
        />
      )}
    </>
  );
}
