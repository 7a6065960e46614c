import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';
import { isNotificationType, registeredNotificationTypes } from '../notification-registry';

/**
 * A notification type in the API: the document lists the registered names (read when the document is
 * built, after the registry was sealed); a request is checked against them as `@IsEnum` did, with its
 * constraint name and message, so a refused type reads the same.
 */
export function IsNotificationType(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isEnum',
      validator: {
        validate: (value) => isNotificationType(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be one of the following values: ${registeredNotificationTypes().join(',')}`,
          options,
        ),
      },
    },
    options,
  );
}

/** The property in the API document: one type, or a list of them. */
export function NotificationTypeProperty(options: { isArray?: boolean; required?: boolean } = {}): PropertyDecorator {
  const property = { enum: () => registeredNotificationTypes(), isArray: options.isArray };
  return applyDecorators(options.required === false ? ApiPropertyOptional(property) : ApiProperty(property));
}
