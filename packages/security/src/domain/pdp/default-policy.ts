// The policy a fresh site starts with, as the YAML a site admin would edit. Request attributes it
// expects: subject.id, subject.organization, subject.roles, subject.mfa; resource.type,
// resource.organization, resource.owner, resource.sharedWith; subject.interactive (a person's
// password login rather than an API key or a service token); action.id named <type>.<verb>,
// where the verbs read and list do not change anything.
//
// Shape: deny-unless-permit at the top (never NotApplicable or Indeterminate), over a
// deny-overrides set in which prohibitions (organization isolation, MFA) beat whatever the
// role, ownership and sharing policies permit.

export const DEFAULT_POLICY_YAML = String.raw`
policySet:
  id: reservoir
  description: Default access policy of a Reservoir site; anything not permitted is denied.
  combining: deny-unless-permit
  policies:
    - policySet:
        id: platform
        description: Prohibitions override permissions.
        combining: deny-overrides
        policies:
          - policy:
              id: organization-isolation
              description: >-
                No one acts on another organization's resources, except system admins,
                federation peers on federation actions, and reads of what was shared.
              combining: deny-overrides
              rules:
                - id: other-organization
                  effect: Deny
                  condition: >-
                    has(resource.organization)
                    and not ('system-admin' in subject.roles)
                    and not ('federation-peer' in subject.roles and startsWith(action.id, 'federation.'))
                    and not (has(resource.sharedWith)
                             and (endsWith(action.id, '.read') or endsWith(action.id, '.list'))
                             and (subject.id in resource.sharedWith or subject.organization in resource.sharedWith))
                    and resource.organization != subject.organization

          - policy:
              id: strong-authentication
              description: >-
                Changing users or policies needs a person's interactive login (or a second
                factor), never an API key or a service's token.
              combining: deny-overrides
              target:
                resource.type: [user, policy]
              rules:
                - id: interactive-login-for-user-and-policy-changes
                  effect: Deny
                  condition: >-
                    not (endsWith(action.id, '.read') or endsWith(action.id, '.list'))
                    and not (has(subject.mfa) and subject.mfa == true)
                    and not (has(subject.interactive) and subject.interactive == true)
                  advice:
                    - id: require-mfa
                      attributes:
                        reason: changing users or policies needs an interactive login or multi-factor authentication
                        action: { expr: action.id }

          - policySet:
              id: permissions
              description: What roles, ownership and sharing permit; the first permit is enough.
              combining: permit-overrides
              policies:
                - policy:
                    id: system-admin
                    description: Everything, everywhere.
                    combining: deny-overrides
                    target:
                      subject.roles: system-admin
                    rules:
                      - id: read-anything
                        effect: Permit
                        target:
                          action.id: { regex: '\.(read|list)$' }
                      - id: change-anything
                        effect: Permit
                        condition: not (endsWith(action.id, '.read') or endsWith(action.id, '.list'))
                        obligations:
                          - id: audit
                            attributes:
                              action: { expr: action.id }
                              subject: { expr: subject.id }

                - policy:
                    id: org-admin
                    description: Everything within the admin's own organization, users included.
                    combining: deny-overrides
                    target:
                      subject.roles: org-admin
                    rules:
                      - id: read-own-organization
                        effect: Permit
                        target:
                          action.id: { regex: '\.(read|list)$' }
                        condition: has(resource.organization) and resource.organization == subject.organization
                      - id: change-own-organization
                        effect: Permit
                        target:
                          resource.type: [vm, service, image, network, bill, account, user, organization]
                        condition: >-
                          not (endsWith(action.id, '.read') or endsWith(action.id, '.list'))
                          and has(resource.organization) and resource.organization == subject.organization
                        obligations:
                          - id: audit
                            attributes:
                              action: { expr: action.id }
                              subject: { expr: subject.id }
                      - id: quota-on-growth
                        description: The organization's quotas bind its admins too.
                        effect: Permit
                        target:
                          action.id: [service.deploy, service.scale, vm.create, vm.resize]
                        condition: has(resource.organization) and resource.organization == subject.organization
                        obligations:
                          - id: check-quota
                            attributes:
                              organization: { expr: resource.organization }
                              action: { expr: action.id }
                      - id: notify-owner-of-change
                        description: Same scope as change-own-organization, when someone else owns the resource.
                        effect: Permit
                        target:
                          resource.type: [vm, service, image, network, bill, account, user, organization]
                        condition: >-
                          not (endsWith(action.id, '.read') or endsWith(action.id, '.list'))
                          and has(resource.organization) and resource.organization == subject.organization
                          and has(resource.owner) and resource.owner != subject.id
                        advice:
                          - id: notify-owner
                            attributes:
                              owner: { expr: resource.owner }
                              action: { expr: action.id }
                              by: { expr: subject.id }

                - policy:
                    id: service-provider
                    description: >-
                      Deploys, scales and undeploys services, creates and manages VMs and their
                      images, reads the bills of its own organization.
                    combining: deny-overrides
                    target:
                      subject.roles: service-provider
                    rules:
                      - id: read-own-services
                        effect: Permit
                        target:
                          action.id: [service.read, service.list, vm.read, vm.list, bill.read, bill.list,
                                      image.read, image.list, network.read, network.list]
                        condition: has(resource.organization) and resource.organization == subject.organization
                      - id: manage-services-and-vms
                        effect: Permit
                        target:
                          action.id: &manage [service.deploy, service.scale, service.undeploy, kpi.report,
                                              vm.create, vm.update, vm.start, vm.stop, vm.suspend, vm.resume,
                                              vm.resize, vm.snapshot, vm.delete, image.create, image.delete]
                        condition: has(resource.organization) and resource.organization == subject.organization
                        obligations:
                          - id: audit
                            attributes:
                              action: { expr: action.id }
                              subject: { expr: subject.id }
                      - id: quota-on-growth
                        description: Growing consumption is permitted only within the organization's quota.
                        effect: Permit
                        target:
                          action.id: [service.deploy, service.scale, vm.create, vm.resize]
                        condition: has(resource.organization) and resource.organization == subject.organization
                        obligations:
                          - id: check-quota
                            attributes:
                              organization: { expr: resource.organization }
                              action: { expr: action.id }
                      - id: notify-owner-of-change
                        effect: Permit
                        target:
                          action.id: *manage
                        condition: >-
                          has(resource.organization) and resource.organization == subject.organization
                          and has(resource.owner) and resource.owner != subject.id
                        advice:
                          - id: notify-owner
                            attributes:
                              owner: { expr: resource.owner }
                              action: { expr: action.id }
                              by: { expr: subject.id }

                - policy:
                    id: viewer
                    description: Reads within the viewer's own organization.
                    combining: deny-overrides
                    target:
                      subject.roles: viewer
                    rules:
                      - id: read-own-organization
                        effect: Permit
                        target:
                          action.id: { regex: '\.(read|list)$' }
                        condition: has(resource.organization) and resource.organization == subject.organization

                - policy:
                    id: federation-peer
                    description: A partner site performs the federation actions, nothing else.
                    combining: deny-overrides
                    target:
                      subject.roles: federation-peer
                    rules:
                      - id: federation-actions
                        effect: Permit
                        target:
                          action.id: { prefix: federation. }
                        obligations:
                          - id: audit
                            attributes:
                              action: { expr: action.id }
                              subject: { expr: subject.id }

                - policy:
                    id: ownership-and-sharing
                    description: Owners read what they own; a share lets its organization or user read.
                    combining: deny-overrides
                    target:
                      action.id: { regex: '\.(read|list)$' }
                    rules:
                      - id: owner-reads
                        effect: Permit
                        condition: >-
                          has(resource.owner) and resource.owner == subject.id
                          and has(resource.organization) and resource.organization == subject.organization
                      - id: shared-reads
                        effect: Permit
                        condition: >-
                          has(resource.sharedWith)
                          and (subject.id in resource.sharedWith or subject.organization in resource.sharedWith)
`;
