import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace grpc {

    namespace health {

        namespace v1 {

            interface IHealthCheckRequest extends grpc.health.v1.HealthCheckRequest.$Properties {
            }

            class HealthCheckRequest {
                constructor(properties?: grpc.health.v1.HealthCheckRequest.$Properties);
                $unknowns?: Uint8Array[];
                service: string;
                static create(properties: grpc.health.v1.HealthCheckRequest.$Shape): grpc.health.v1.HealthCheckRequest & grpc.health.v1.HealthCheckRequest.$Shape;
                static create(properties?: grpc.health.v1.HealthCheckRequest.$Properties): grpc.health.v1.HealthCheckRequest;
                static encode(message: grpc.health.v1.HealthCheckRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): grpc.health.v1.HealthCheckRequest & grpc.health.v1.HealthCheckRequest.$Shape;
                static fromObject(object: { [k: string]: any }): grpc.health.v1.HealthCheckRequest;
                static toObject(message: grpc.health.v1.HealthCheckRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace HealthCheckRequest {
                interface $Properties {
                    service?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = grpc.health.v1.HealthCheckRequest.$Properties;
            }

            interface IHealthCheckResponse extends grpc.health.v1.HealthCheckResponse.$Properties {
            }

            class HealthCheckResponse {
                constructor(properties?: grpc.health.v1.HealthCheckResponse.$Properties);
                $unknowns?: Uint8Array[];
                status: grpc.health.v1.HealthCheckResponse.ServingStatus;
                static create(properties: grpc.health.v1.HealthCheckResponse.$Shape): grpc.health.v1.HealthCheckResponse & grpc.health.v1.HealthCheckResponse.$Shape;
                static create(properties?: grpc.health.v1.HealthCheckResponse.$Properties): grpc.health.v1.HealthCheckResponse;
                static encode(message: grpc.health.v1.HealthCheckResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): grpc.health.v1.HealthCheckResponse & grpc.health.v1.HealthCheckResponse.$Shape;
                static fromObject(object: { [k: string]: any }): grpc.health.v1.HealthCheckResponse;
                static toObject(message: grpc.health.v1.HealthCheckResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace HealthCheckResponse {
                interface $Properties {
                    status?: (grpc.health.v1.HealthCheckResponse.ServingStatus|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = grpc.health.v1.HealthCheckResponse.$Properties;

                enum ServingStatus {
                    UNKNOWN = 0,
                    SERVING = 1,
                    NOT_SERVING = 2,
                    SERVICE_UNKNOWN = 3
                }
            }

            class Health extends $protobuf.rpc.Service {
                constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);
                static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): Health;
                check: grpc.health.v1.Health.Check;
                watch: grpc.health.v1.Health.Watch;
            }

            namespace Health {
                type CheckCallback = (error: (Error|null), response?: grpc.health.v1.HealthCheckResponse) => void;
                type Check = {
                  (request: grpc.health.v1.IHealthCheckRequest, callback: grpc.health.v1.Health.CheckCallback): void;
                  (request: grpc.health.v1.IHealthCheckRequest): Promise<grpc.health.v1.HealthCheckResponse>;
                  readonly name: "Check";
                  readonly path: "/grpc.health.v1.Health/Check";
                  readonly requestType: "HealthCheckRequest";
                  readonly responseType: "HealthCheckResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type WatchCallback = (error: (Error|null), response?: grpc.health.v1.HealthCheckResponse) => void;
                type Watch = {
                  (request: grpc.health.v1.IHealthCheckRequest, callback: grpc.health.v1.Health.WatchCallback): void;
                  (request: grpc.health.v1.IHealthCheckRequest): Promise<grpc.health.v1.HealthCheckResponse>;
                  readonly name: "Watch";
                  readonly path: "/grpc.health.v1.Health/Watch";
                  readonly requestType: "HealthCheckRequest";
                  readonly responseType: "HealthCheckResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: true;
                };
            }
        }
    }
}

export namespace reservoir {

    namespace accounting {

        namespace v1 {

            interface IAccount extends reservoir.accounting.v1.Account.$Properties {
            }

            class Account {
                constructor(properties?: reservoir.accounting.v1.Account.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                customer: string;
                name: string;
                kind: string;
                currency: string;
                onZero: string;
                organization: string;
                state: string;
                createdAtMs: number;
                balance: string;
                static create(properties: reservoir.accounting.v1.Account.$Shape): reservoir.accounting.v1.Account & reservoir.accounting.v1.Account.$Shape;
                static create(properties?: reservoir.accounting.v1.Account.$Properties): reservoir.accounting.v1.Account;
                static encode(message: reservoir.accounting.v1.Account.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.accounting.v1.Account & reservoir.accounting.v1.Account.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.accounting.v1.Account;
                static toObject(message: reservoir.accounting.v1.Account, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace Account {
                interface $Properties {
                    id?: (string|null);
                    customer?: (string|null);
                    name?: (string|null);
                    kind?: (string|null);
                    currency?: (string|null);
                    onZero?: (string|null);
                    organization?: (string|null);
                    state?: (string|null);
                    createdAtMs?: (number|null);
                    balance?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.accounting.v1.Account.$Properties;
            }

            interface ICreateAccountRequest extends reservoir.accounting.v1.CreateAccountRequest.$Properties {
            }

            class CreateAccountRequest {
                constructor(properties?: reservoir.accounting.v1.CreateAccountRequest.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                customer: string;
                name: string;
                kind: string;
                currency: string;
                onZero: string;
                organization: string;
                static create(properties: reservoir.accounting.v1.CreateAccountRequest.$Shape): reservoir.accounting.v1.CreateAccountRequest & reservoir.accounting.v1.CreateAccountRequest.$Shape;
                static create(properties?: reservoir.accounting.v1.CreateAccountRequest.$Properties): reservoir.accounting.v1.CreateAccountRequest;
                static encode(message: reservoir.accounting.v1.CreateAccountRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.accounting.v1.CreateAccountRequest & reservoir.accounting.v1.CreateAccountRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.accounting.v1.CreateAccountRequest;
                static toObject(message: reservoir.accounting.v1.CreateAccountRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace CreateAccountRequest {
                interface $Properties {
                    id?: (string|null);
                    customer?: (string|null);
                    name?: (string|null);
                    kind?: (string|null);
                    currency?: (string|null);
                    onZero?: (string|null);
                    organization?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.accounting.v1.CreateAccountRequest.$Properties;
            }

            interface IGetAccountRequest extends reservoir.accounting.v1.GetAccountRequest.$Properties {
            }

            class GetAccountRequest {
                constructor(properties?: reservoir.accounting.v1.GetAccountRequest.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                static create(properties: reservoir.accounting.v1.GetAccountRequest.$Shape): reservoir.accounting.v1.GetAccountRequest & reservoir.accounting.v1.GetAccountRequest.$Shape;
                static create(properties?: reservoir.accounting.v1.GetAccountRequest.$Properties): reservoir.accounting.v1.GetAccountRequest;
                static encode(message: reservoir.accounting.v1.GetAccountRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.accounting.v1.GetAccountRequest & reservoir.accounting.v1.GetAccountRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.accounting.v1.GetAccountRequest;
                static toObject(message: reservoir.accounting.v1.GetAccountRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace GetAccountRequest {
                interface $Properties {
                    id?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.accounting.v1.GetAccountRequest.$Properties;
            }

            interface IListAccountsRequest extends reservoir.accounting.v1.ListAccountsRequest.$Properties {
            }

            class ListAccountsRequest {
                constructor(properties?: reservoir.accounting.v1.ListAccountsRequest.$Properties);
                $unknowns?: Uint8Array[];
                customer: string;
                organization: string;
                static create(properties: reservoir.accounting.v1.ListAccountsRequest.$Shape): reservoir.accounting.v1.ListAccountsRequest & reservoir.accounting.v1.ListAccountsRequest.$Shape;
                static create(properties?: reservoir.accounting.v1.ListAccountsRequest.$Properties): reservoir.accounting.v1.ListAccountsRequest;
                static encode(message: reservoir.accounting.v1.ListAccountsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.accounting.v1.ListAccountsRequest & reservoir.accounting.v1.ListAccountsRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.accounting.v1.ListAccountsRequest;
                static toObject(message: reservoir.accounting.v1.ListAccountsRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListAccountsRequest {
                interface $Properties {
                    customer?: (string|null);
                    organization?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.accounting.v1.ListAccountsRequest.$Properties;
            }

            interface IListAccountsResponse extends reservoir.accounting.v1.ListAccountsResponse.$Properties {
            }

            class ListAccountsResponse {
                constructor(properties?: reservoir.accounting.v1.ListAccountsResponse.$Properties);
                $unknowns?: Uint8Array[];
                accounts: reservoir.accounting.v1.Account.$Properties[];
                static create(properties: reservoir.accounting.v1.ListAccountsResponse.$Shape): reservoir.accounting.v1.ListAccountsResponse & reservoir.accounting.v1.ListAccountsResponse.$Shape;
                static create(properties?: reservoir.accounting.v1.ListAccountsResponse.$Properties): reservoir.accounting.v1.ListAccountsResponse;
                static encode(message: reservoir.accounting.v1.ListAccountsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.accounting.v1.ListAccountsResponse & reservoir.accounting.v1.ListAccountsResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.accounting.v1.ListAccountsResponse;
                static toObject(message: reservoir.accounting.v1.ListAccountsResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListAccountsResponse {
                interface $Properties {
                    accounts?: (reservoir.accounting.v1.Account.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.accounting.v1.ListAccountsResponse.$Properties;
            }

            interface ITopUpRequest extends reservoir.accounting.v1.TopUpRequest.$Properties {
            }

            class TopUpRequest {
                constructor(properties?: reservoir.accounting.v1.TopUpRequest.$Properties);
                $unknowns?: Uint8Array[];
                accountId: string;
                amount: string;
                key: string;
                static create(properties: reservoir.accounting.v1.TopUpRequest.$Shape): reservoir.accounting.v1.TopUpRequest & reservoir.accounting.v1.TopUpRequest.$Shape;
                static create(properties?: reservoir.accounting.v1.TopUpRequest.$Properties): reservoir.accounting.v1.TopUpRequest;
                static encode(message: reservoir.accounting.v1.TopUpRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.accounting.v1.TopUpRequest & reservoir.accounting.v1.TopUpRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.accounting.v1.TopUpRequest;
                static toObject(message: reservoir.accounting.v1.TopUpRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace TopUpRequest {
                interface $Properties {
                    accountId?: (string|null);
                    amount?: (string|null);
                    key?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.accounting.v1.TopUpRequest.$Properties;
            }

            interface IUsageRecord extends reservoir.accounting.v1.UsageRecord.$Properties {
            }

            class UsageRecord {
                constructor(properties?: reservoir.accounting.v1.UsageRecord.$Properties);
                $unknowns?: Uint8Array[];
                key: string;
                accountId: string;
                service: string;
                component: string;
                vmId: string;
                site: string;
                metric: string;
                quantity: string;
                startMs: number;
                endMs: number;
                static create(properties: reservoir.accounting.v1.UsageRecord.$Shape): reservoir.accounting.v1.UsageRecord & reservoir.accounting.v1.UsageRecord.$Shape;
                static create(properties?: reservoir.accounting.v1.UsageRecord.$Properties): reservoir.accounting.v1.UsageRecord;
                static encode(message: reservoir.accounting.v1.UsageRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.accounting.v1.UsageRecord & reservoir.accounting.v1.UsageRecord.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.accounting.v1.UsageRecord;
                static toObject(message: reservoir.accounting.v1.UsageRecord, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace UsageRecord {
                interface $Properties {
                    key?: (string|null);
                    accountId?: (string|null);
                    service?: (string|null);
                    component?: (string|null);
                    vmId?: (string|null);
                    site?: (string|null);
                    metric?: (string|null);
                    quantity?: (string|null);
                    startMs?: (number|null);
                    endMs?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.accounting.v1.UsageRecord.$Properties;
            }

            interface IIngestUsageRequest extends reservoir.accounting.v1.IngestUsageRequest.$Properties {
            }

            class IngestUsageRequest {
                constructor(properties?: reservoir.accounting.v1.IngestUsageRequest.$Properties);
                $unknowns?: Uint8Array[];
                records: reservoir.accounting.v1.UsageRecord.$Properties[];
                static create(properties: reservoir.accounting.v1.IngestUsageRequest.$Shape): reservoir.accounting.v1.IngestUsageRequest & reservoir.accounting.v1.IngestUsageRequest.$Shape;
                static create(properties?: reservoir.accounting.v1.IngestUsageRequest.$Properties): reservoir.accounting.v1.IngestUsageRequest;
                static encode(message: reservoir.accounting.v1.IngestUsageRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.accounting.v1.IngestUsageRequest & reservoir.accounting.v1.IngestUsageRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.accounting.v1.IngestUsageRequest;
                static toObject(message: reservoir.accounting.v1.IngestUsageRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace IngestUsageRequest {
                interface $Properties {
                    records?: (reservoir.accounting.v1.UsageRecord.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.accounting.v1.IngestUsageRequest.$Properties;
            }

            interface IIngestUsageResponse extends reservoir.accounting.v1.IngestUsageResponse.$Properties {
            }

            class IngestUsageResponse {
                constructor(properties?: reservoir.accounting.v1.IngestUsageResponse.$Properties);
                $unknowns?: Uint8Array[];
                accepted: number;
                duplicates: number;
                static create(properties: reservoir.accounting.v1.IngestUsageResponse.$Shape): reservoir.accounting.v1.IngestUsageResponse & reservoir.accounting.v1.IngestUsageResponse.$Shape;
                static create(properties?: reservoir.accounting.v1.IngestUsageResponse.$Properties): reservoir.accounting.v1.IngestUsageResponse;
                static encode(message: reservoir.accounting.v1.IngestUsageResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.accounting.v1.IngestUsageResponse & reservoir.accounting.v1.IngestUsageResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.accounting.v1.IngestUsageResponse;
                static toObject(message: reservoir.accounting.v1.IngestUsageResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace IngestUsageResponse {
                interface $Properties {
                    accepted?: (number|null);
                    duplicates?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.accounting.v1.IngestUsageResponse.$Properties;
            }

            interface IListUsageRequest extends reservoir.accounting.v1.ListUsageRequest.$Properties {
            }

            class ListUsageRequest {
                constructor(properties?: reservoir.accounting.v1.ListUsageRequest.$Properties);
                $unknowns?: Uint8Array[];
                accountId: string;
                service: string;
                fromMs: number;
                toMs: number;
                limit: number;
                static create(properties: reservoir.accounting.v1.ListUsageRequest.$Shape): reservoir.accounting.v1.ListUsageRequest & reservoir.accounting.v1.ListUsageRequest.$Shape;
                static create(properties?: reservoir.accounting.v1.ListUsageRequest.$Properties): reservoir.accounting.v1.ListUsageRequest;
                static encode(message: reservoir.accounting.v1.ListUsageRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.accounting.v1.ListUsageRequest & reservoir.accounting.v1.ListUsageRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.accounting.v1.ListUsageRequest;
                static toObject(message: reservoir.accounting.v1.ListUsageRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListUsageRequest {
                interface $Properties {
                    accountId?: (string|null);
                    service?: (string|null);
                    fromMs?: (number|null);
                    toMs?: (number|null);
                    limit?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.accounting.v1.ListUsageRequest.$Properties;
            }

            interface IListUsageResponse extends reservoir.accounting.v1.ListUsageResponse.$Properties {
            }

            class ListUsageResponse {
                constructor(properties?: reservoir.accounting.v1.ListUsageResponse.$Properties);
                $unknowns?: Uint8Array[];
                records: reservoir.accounting.v1.UsageRecord.$Properties[];
                static create(properties: reservoir.accounting.v1.ListUsageResponse.$Shape): reservoir.accounting.v1.ListUsageResponse & reservoir.accounting.v1.ListUsageResponse.$Shape;
                static create(properties?: reservoir.accounting.v1.ListUsageResponse.$Properties): reservoir.accounting.v1.ListUsageResponse;
                static encode(message: reservoir.accounting.v1.ListUsageResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.accounting.v1.ListUsageResponse & reservoir.accounting.v1.ListUsageResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.accounting.v1.ListUsageResponse;
                static toObject(message: reservoir.accounting.v1.ListUsageResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListUsageResponse {
                interface $Properties {
                    records?: (reservoir.accounting.v1.UsageRecord.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.accounting.v1.ListUsageResponse.$Properties;
            }

            interface IPriceList extends reservoir.accounting.v1.PriceList.$Properties {
            }

            class PriceList {
                constructor(properties?: reservoir.accounting.v1.PriceList.$Properties);
                $unknowns?: Uint8Array[];
                organization: string;
                yaml: string;
                static create(properties: reservoir.accounting.v1.PriceList.$Shape): reservoir.accounting.v1.PriceList & reservoir.accounting.v1.PriceList.$Shape;
                static create(properties?: reservoir.accounting.v1.PriceList.$Properties): reservoir.accounting.v1.PriceList;
                static encode(message: reservoir.accounting.v1.PriceList.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.accounting.v1.PriceList & reservoir.accounting.v1.PriceList.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.accounting.v1.PriceList;
                static toObject(message: reservoir.accounting.v1.PriceList, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace PriceList {
                interface $Properties {
                    organization?: (string|null);
                    yaml?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.accounting.v1.PriceList.$Properties;
            }

            interface IGetPricesRequest extends reservoir.accounting.v1.GetPricesRequest.$Properties {
            }

            class GetPricesRequest {
                constructor(properties?: reservoir.accounting.v1.GetPricesRequest.$Properties);
                $unknowns?: Uint8Array[];
                organization: string;
                static create(properties: reservoir.accounting.v1.GetPricesRequest.$Shape): reservoir.accounting.v1.GetPricesRequest & reservoir.accounting.v1.GetPricesRequest.$Shape;
                static create(properties?: reservoir.accounting.v1.GetPricesRequest.$Properties): reservoir.accounting.v1.GetPricesRequest;
                static encode(message: reservoir.accounting.v1.GetPricesRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.accounting.v1.GetPricesRequest & reservoir.accounting.v1.GetPricesRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.accounting.v1.GetPricesRequest;
                static toObject(message: reservoir.accounting.v1.GetPricesRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace GetPricesRequest {
                interface $Properties {
                    organization?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.accounting.v1.GetPricesRequest.$Properties;
            }

            interface IInvoiceLine extends reservoir.accounting.v1.InvoiceLine.$Properties {
            }

            class InvoiceLine {
                constructor(properties?: reservoir.accounting.v1.InvoiceLine.$Properties);
                $unknowns?: Uint8Array[];
                service: string;
                component: string;
                metric: string;
                quantity: string;
                unit: string;
                amount: string;
                description: string;
                static create(properties: reservoir.accounting.v1.InvoiceLine.$Shape): reservoir.accounting.v1.InvoiceLine & reservoir.accounting.v1.InvoiceLine.$Shape;
                static create(properties?: reservoir.accounting.v1.InvoiceLine.$Properties): reservoir.accounting.v1.InvoiceLine;
                static encode(message: reservoir.accounting.v1.InvoiceLine.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.accounting.v1.InvoiceLine & reservoir.accounting.v1.InvoiceLine.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.accounting.v1.InvoiceLine;
                static toObject(message: reservoir.accounting.v1.InvoiceLine, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace InvoiceLine {
                interface $Properties {
                    service?: (string|null);
                    component?: (string|null);
                    metric?: (string|null);
                    quantity?: (string|null);
                    unit?: (string|null);
                    amount?: (string|null);
                    description?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.accounting.v1.InvoiceLine.$Properties;
            }

            interface IInvoice extends reservoir.accounting.v1.Invoice.$Properties {
            }

            class Invoice {
                constructor(properties?: reservoir.accounting.v1.Invoice.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                accountId: string;
                periodStartMs: number;
                periodEndMs: number;
                currency: string;
                lines: reservoir.accounting.v1.InvoiceLine.$Properties[];
                subtotal: string;
                credits: string;
                total: string;
                issuedAtMs: number;
                creditLines: reservoir.accounting.v1.InvoiceCredit.$Properties[];
                revision: number;
                static create(properties: reservoir.accounting.v1.Invoice.$Shape): reservoir.accounting.v1.Invoice & reservoir.accounting.v1.Invoice.$Shape;
                static create(properties?: reservoir.accounting.v1.Invoice.$Properties): reservoir.accounting.v1.Invoice;
                static encode(message: reservoir.accounting.v1.Invoice.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.accounting.v1.Invoice & reservoir.accounting.v1.Invoice.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.accounting.v1.Invoice;
                static toObject(message: reservoir.accounting.v1.Invoice, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace Invoice {
                interface $Properties {
                    id?: (string|null);
                    accountId?: (string|null);
                    periodStartMs?: (number|null);
                    periodEndMs?: (number|null);
                    currency?: (string|null);
                    lines?: (reservoir.accounting.v1.InvoiceLine.$Properties[]|null);
                    subtotal?: (string|null);
                    credits?: (string|null);
                    total?: (string|null);
                    issuedAtMs?: (number|null);
                    creditLines?: (reservoir.accounting.v1.InvoiceCredit.$Properties[]|null);
                    revision?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.accounting.v1.Invoice.$Properties;
            }

            interface IInvoiceCredit extends reservoir.accounting.v1.InvoiceCredit.$Properties {
            }

            class InvoiceCredit {
                constructor(properties?: reservoir.accounting.v1.InvoiceCredit.$Properties);
                $unknowns?: Uint8Array[];
                key: string;
                description: string;
                amount: string;
                applied: string;
                static create(properties: reservoir.accounting.v1.InvoiceCredit.$Shape): reservoir.accounting.v1.InvoiceCredit & reservoir.accounting.v1.InvoiceCredit.$Shape;
                static create(properties?: reservoir.accounting.v1.InvoiceCredit.$Properties): reservoir.accounting.v1.InvoiceCredit;
                static encode(message: reservoir.accounting.v1.InvoiceCredit.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.accounting.v1.InvoiceCredit & reservoir.accounting.v1.InvoiceCredit.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.accounting.v1.InvoiceCredit;
                static toObject(message: reservoir.accounting.v1.InvoiceCredit, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace InvoiceCredit {
                interface $Properties {
                    key?: (string|null);
                    description?: (string|null);
                    amount?: (string|null);
                    applied?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.accounting.v1.InvoiceCredit.$Properties;
            }

            interface IRunBillingRequest extends reservoir.accounting.v1.RunBillingRequest.$Properties {
            }

            class RunBillingRequest {
                constructor(properties?: reservoir.accounting.v1.RunBillingRequest.$Properties);
                $unknowns?: Uint8Array[];
                periodStartMs: number;
                periodEndMs: number;
                static create(properties: reservoir.accounting.v1.RunBillingRequest.$Shape): reservoir.accounting.v1.RunBillingRequest & reservoir.accounting.v1.RunBillingRequest.$Shape;
                static create(properties?: reservoir.accounting.v1.RunBillingRequest.$Properties): reservoir.accounting.v1.RunBillingRequest;
                static encode(message: reservoir.accounting.v1.RunBillingRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.accounting.v1.RunBillingRequest & reservoir.accounting.v1.RunBillingRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.accounting.v1.RunBillingRequest;
                static toObject(message: reservoir.accounting.v1.RunBillingRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace RunBillingRequest {
                interface $Properties {
                    periodStartMs?: (number|null);
                    periodEndMs?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.accounting.v1.RunBillingRequest.$Properties;
            }

            interface IRunBillingResponse extends reservoir.accounting.v1.RunBillingResponse.$Properties {
            }

            class RunBillingResponse {
                constructor(properties?: reservoir.accounting.v1.RunBillingResponse.$Properties);
                $unknowns?: Uint8Array[];
                invoices: number;
                accounts: number;
                revised: number;
                static create(properties: reservoir.accounting.v1.RunBillingResponse.$Shape): reservoir.accounting.v1.RunBillingResponse & reservoir.accounting.v1.RunBillingResponse.$Shape;
                static create(properties?: reservoir.accounting.v1.RunBillingResponse.$Properties): reservoir.accounting.v1.RunBillingResponse;
                static encode(message: reservoir.accounting.v1.RunBillingResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.accounting.v1.RunBillingResponse & reservoir.accounting.v1.RunBillingResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.accounting.v1.RunBillingResponse;
                static toObject(message: reservoir.accounting.v1.RunBillingResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace RunBillingResponse {
                interface $Properties {
                    invoices?: (number|null);
                    accounts?: (number|null);
                    revised?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.accounting.v1.RunBillingResponse.$Properties;
            }

            interface IQuoteComponent extends reservoir.accounting.v1.QuoteComponent.$Properties {
            }

            class QuoteComponent {
                constructor(properties?: reservoir.accounting.v1.QuoteComponent.$Properties);
                $unknowns?: Uint8Array[];
                component: string;
                vcpus: number;
                memoryMib: number;
                diskMib: number;
                instancesInitial: number;
                instancesMax: number;
                static create(properties: reservoir.accounting.v1.QuoteComponent.$Shape): reservoir.accounting.v1.QuoteComponent & reservoir.accounting.v1.QuoteComponent.$Shape;
                static create(properties?: reservoir.accounting.v1.QuoteComponent.$Properties): reservoir.accounting.v1.QuoteComponent;
                static encode(message: reservoir.accounting.v1.QuoteComponent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.accounting.v1.QuoteComponent & reservoir.accounting.v1.QuoteComponent.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.accounting.v1.QuoteComponent;
                static toObject(message: reservoir.accounting.v1.QuoteComponent, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace QuoteComponent {
                interface $Properties {
                    component?: (string|null);
                    vcpus?: (number|null);
                    memoryMib?: (number|null);
                    diskMib?: (number|null);
                    instancesInitial?: (number|null);
                    instancesMax?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.accounting.v1.QuoteComponent.$Properties;
            }

            interface IQuoteRequest extends reservoir.accounting.v1.QuoteRequest.$Properties {
            }

            class QuoteRequest {
                constructor(properties?: reservoir.accounting.v1.QuoteRequest.$Properties);
                $unknowns?: Uint8Array[];
                organization: string;
                components: reservoir.accounting.v1.QuoteComponent.$Properties[];
                static create(properties: reservoir.accounting.v1.QuoteRequest.$Shape): reservoir.accounting.v1.QuoteRequest & reservoir.accounting.v1.QuoteRequest.$Shape;
                static create(properties?: reservoir.accounting.v1.QuoteRequest.$Properties): reservoir.accounting.v1.QuoteRequest;
                static encode(message: reservoir.accounting.v1.QuoteRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.accounting.v1.QuoteRequest & reservoir.accounting.v1.QuoteRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.accounting.v1.QuoteRequest;
                static toObject(message: reservoir.accounting.v1.QuoteRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace QuoteRequest {
                interface $Properties {
                    organization?: (string|null);
                    components?: (reservoir.accounting.v1.QuoteComponent.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.accounting.v1.QuoteRequest.$Properties;
            }

            interface IComponentQuote extends reservoir.accounting.v1.ComponentQuote.$Properties {
            }

            class ComponentQuote {
                constructor(properties?: reservoir.accounting.v1.ComponentQuote.$Properties);
                $unknowns?: Uint8Array[];
                component: string;
                perInstanceHour: string;
                perInstanceMonth: string;
                costPerInstanceHour: string;
                static create(properties: reservoir.accounting.v1.ComponentQuote.$Shape): reservoir.accounting.v1.ComponentQuote & reservoir.accounting.v1.ComponentQuote.$Shape;
                static create(properties?: reservoir.accounting.v1.ComponentQuote.$Properties): reservoir.accounting.v1.ComponentQuote;
                static encode(message: reservoir.accounting.v1.ComponentQuote.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.accounting.v1.ComponentQuote & reservoir.accounting.v1.ComponentQuote.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.accounting.v1.ComponentQuote;
                static toObject(message: reservoir.accounting.v1.ComponentQuote, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ComponentQuote {
                interface $Properties {
                    component?: (string|null);
                    perInstanceHour?: (string|null);
                    perInstanceMonth?: (string|null);
                    costPerInstanceHour?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.accounting.v1.ComponentQuote.$Properties;
            }

            interface IQuote extends reservoir.accounting.v1.Quote.$Properties {
            }

            class Quote {
                constructor(properties?: reservoir.accounting.v1.Quote.$Properties);
                $unknowns?: Uint8Array[];
                currency: string;
                perHourAtInitial: string;
                perHourAtMax: string;
                perMonthAtInitial: string;
                perMonthAtMax: string;
                costPerHourAtInitial: string;
                marginPercent: string;
                components: reservoir.accounting.v1.ComponentQuote.$Properties[];
                static create(properties: reservoir.accounting.v1.Quote.$Shape): reservoir.accounting.v1.Quote & reservoir.accounting.v1.Quote.$Shape;
                static create(properties?: reservoir.accounting.v1.Quote.$Properties): reservoir.accounting.v1.Quote;
                static encode(message: reservoir.accounting.v1.Quote.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.accounting.v1.Quote & reservoir.accounting.v1.Quote.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.accounting.v1.Quote;
                static toObject(message: reservoir.accounting.v1.Quote, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace Quote {
                interface $Properties {
                    currency?: (string|null);
                    perHourAtInitial?: (string|null);
                    perHourAtMax?: (string|null);
                    perMonthAtInitial?: (string|null);
                    perMonthAtMax?: (string|null);
                    costPerHourAtInitial?: (string|null);
                    marginPercent?: (string|null);
                    components?: (reservoir.accounting.v1.ComponentQuote.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.accounting.v1.Quote.$Properties;
            }

            interface IProfitabilityRequest extends reservoir.accounting.v1.ProfitabilityRequest.$Properties {
            }

            class ProfitabilityRequest {
                constructor(properties?: reservoir.accounting.v1.ProfitabilityRequest.$Properties);
                $unknowns?: Uint8Array[];
                periodStartMs: number;
                periodEndMs: number;
                service: string;
                static create(properties: reservoir.accounting.v1.ProfitabilityRequest.$Shape): reservoir.accounting.v1.ProfitabilityRequest & reservoir.accounting.v1.ProfitabilityRequest.$Shape;
                static create(properties?: reservoir.accounting.v1.ProfitabilityRequest.$Properties): reservoir.accounting.v1.ProfitabilityRequest;
                static encode(message: reservoir.accounting.v1.ProfitabilityRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.accounting.v1.ProfitabilityRequest & reservoir.accounting.v1.ProfitabilityRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.accounting.v1.ProfitabilityRequest;
                static toObject(message: reservoir.accounting.v1.ProfitabilityRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ProfitabilityRequest {
                interface $Properties {
                    periodStartMs?: (number|null);
                    periodEndMs?: (number|null);
                    service?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.accounting.v1.ProfitabilityRequest.$Properties;
            }

            interface IServiceProfit extends reservoir.accounting.v1.ServiceProfit.$Properties {
            }

            class ServiceProfit {
                constructor(properties?: reservoir.accounting.v1.ServiceProfit.$Properties);
                $unknowns?: Uint8Array[];
                service: string;
                accountId: string;
                currency: string;
                revenue: string;
                cost: string;
                margin: string;
                marginPercent: string;
                static create(properties: reservoir.accounting.v1.ServiceProfit.$Shape): reservoir.accounting.v1.ServiceProfit & reservoir.accounting.v1.ServiceProfit.$Shape;
                static create(properties?: reservoir.accounting.v1.ServiceProfit.$Properties): reservoir.accounting.v1.ServiceProfit;
                static encode(message: reservoir.accounting.v1.ServiceProfit.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.accounting.v1.ServiceProfit & reservoir.accounting.v1.ServiceProfit.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.accounting.v1.ServiceProfit;
                static toObject(message: reservoir.accounting.v1.ServiceProfit, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ServiceProfit {
                interface $Properties {
                    service?: (string|null);
                    accountId?: (string|null);
                    currency?: (string|null);
                    revenue?: (string|null);
                    cost?: (string|null);
                    margin?: (string|null);
                    marginPercent?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.accounting.v1.ServiceProfit.$Properties;
            }

            interface IProfitabilityResponse extends reservoir.accounting.v1.ProfitabilityResponse.$Properties {
            }

            class ProfitabilityResponse {
                constructor(properties?: reservoir.accounting.v1.ProfitabilityResponse.$Properties);
                $unknowns?: Uint8Array[];
                services: reservoir.accounting.v1.ServiceProfit.$Properties[];
                static create(properties: reservoir.accounting.v1.ProfitabilityResponse.$Shape): reservoir.accounting.v1.ProfitabilityResponse & reservoir.accounting.v1.ProfitabilityResponse.$Shape;
                static create(properties?: reservoir.accounting.v1.ProfitabilityResponse.$Properties): reservoir.accounting.v1.ProfitabilityResponse;
                static encode(message: reservoir.accounting.v1.ProfitabilityResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.accounting.v1.ProfitabilityResponse & reservoir.accounting.v1.ProfitabilityResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.accounting.v1.ProfitabilityResponse;
                static toObject(message: reservoir.accounting.v1.ProfitabilityResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ProfitabilityResponse {
                interface $Properties {
                    services?: (reservoir.accounting.v1.ServiceProfit.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.accounting.v1.ProfitabilityResponse.$Properties;
            }

            interface IGetBillRequest extends reservoir.accounting.v1.GetBillRequest.$Properties {
            }

            class GetBillRequest {
                constructor(properties?: reservoir.accounting.v1.GetBillRequest.$Properties);
                $unknowns?: Uint8Array[];
                accountId: string;
                periodStartMs: number;
                periodEndMs: number;
                static create(properties: reservoir.accounting.v1.GetBillRequest.$Shape): reservoir.accounting.v1.GetBillRequest & reservoir.accounting.v1.GetBillRequest.$Shape;
                static create(properties?: reservoir.accounting.v1.GetBillRequest.$Properties): reservoir.accounting.v1.GetBillRequest;
                static encode(message: reservoir.accounting.v1.GetBillRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.accounting.v1.GetBillRequest & reservoir.accounting.v1.GetBillRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.accounting.v1.GetBillRequest;
                static toObject(message: reservoir.accounting.v1.GetBillRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace GetBillRequest {
                interface $Properties {
                    accountId?: (string|null);
                    periodStartMs?: (number|null);
                    periodEndMs?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.accounting.v1.GetBillRequest.$Properties;
            }

            class AccountingService extends $protobuf.rpc.Service {
                constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);
                static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): AccountingService;
                createAccount: reservoir.accounting.v1.AccountingService.CreateAccount;
                getAccount: reservoir.accounting.v1.AccountingService.GetAccount;
                listAccounts: reservoir.accounting.v1.AccountingService.ListAccounts;
                topUp: reservoir.accounting.v1.AccountingService.TopUp;
                ingestUsage: reservoir.accounting.v1.AccountingService.IngestUsage;
                listUsage: reservoir.accounting.v1.AccountingService.ListUsage;
                getPrices: reservoir.accounting.v1.AccountingService.GetPrices;
                setPrices: reservoir.accounting.v1.AccountingService.SetPrices;
                runBilling: reservoir.accounting.v1.AccountingService.RunBilling;
                getBill: reservoir.accounting.v1.AccountingService.GetBill;
                quoteCost: reservoir.accounting.v1.AccountingService.QuoteCost;
                getProfitability: reservoir.accounting.v1.AccountingService.GetProfitability;
            }

            namespace AccountingService {
                type CreateAccountCallback = (error: (Error|null), response?: reservoir.accounting.v1.Account) => void;
                type CreateAccount = {
                  (request: reservoir.accounting.v1.ICreateAccountRequest, callback: reservoir.accounting.v1.AccountingService.CreateAccountCallback): void;
                  (request: reservoir.accounting.v1.ICreateAccountRequest): Promise<reservoir.accounting.v1.Account>;
                  readonly name: "CreateAccount";
                  readonly path: "/reservoir.accounting.v1.AccountingService/CreateAccount";
                  readonly requestType: "CreateAccountRequest";
                  readonly responseType: "Account";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type GetAccountCallback = (error: (Error|null), response?: reservoir.accounting.v1.Account) => void;
                type GetAccount = {
                  (request: reservoir.accounting.v1.IGetAccountRequest, callback: reservoir.accounting.v1.AccountingService.GetAccountCallback): void;
                  (request: reservoir.accounting.v1.IGetAccountRequest): Promise<reservoir.accounting.v1.Account>;
                  readonly name: "GetAccount";
                  readonly path: "/reservoir.accounting.v1.AccountingService/GetAccount";
                  readonly requestType: "GetAccountRequest";
                  readonly responseType: "Account";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ListAccountsCallback = (error: (Error|null), response?: reservoir.accounting.v1.ListAccountsResponse) => void;
                type ListAccounts = {
                  (request: reservoir.accounting.v1.IListAccountsRequest, callback: reservoir.accounting.v1.AccountingService.ListAccountsCallback): void;
                  (request: reservoir.accounting.v1.IListAccountsRequest): Promise<reservoir.accounting.v1.ListAccountsResponse>;
                  readonly name: "ListAccounts";
                  readonly path: "/reservoir.accounting.v1.AccountingService/ListAccounts";
                  readonly requestType: "ListAccountsRequest";
                  readonly responseType: "ListAccountsResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type TopUpCallback = (error: (Error|null), response?: reservoir.accounting.v1.Account) => void;
                type TopUp = {
                  (request: reservoir.accounting.v1.ITopUpRequest, callback: reservoir.accounting.v1.AccountingService.TopUpCallback): void;
                  (request: reservoir.accounting.v1.ITopUpRequest): Promise<reservoir.accounting.v1.Account>;
                  readonly name: "TopUp";
                  readonly path: "/reservoir.accounting.v1.AccountingService/TopUp";
                  readonly requestType: "TopUpRequest";
                  readonly responseType: "Account";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type IngestUsageCallback = (error: (Error|null), response?: reservoir.accounting.v1.IngestUsageResponse) => void;
                type IngestUsage = {
                  (request: reservoir.accounting.v1.IIngestUsageRequest, callback: reservoir.accounting.v1.AccountingService.IngestUsageCallback): void;
                  (request: reservoir.accounting.v1.IIngestUsageRequest): Promise<reservoir.accounting.v1.IngestUsageResponse>;
                  readonly name: "IngestUsage";
                  readonly path: "/reservoir.accounting.v1.AccountingService/IngestUsage";
                  readonly requestType: "IngestUsageRequest";
                  readonly responseType: "IngestUsageResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ListUsageCallback = (error: (Error|null), response?: reservoir.accounting.v1.ListUsageResponse) => void;
                type ListUsage = {
                  (request: reservoir.accounting.v1.IListUsageRequest, callback: reservoir.accounting.v1.AccountingService.ListUsageCallback): void;
                  (request: reservoir.accounting.v1.IListUsageRequest): Promise<reservoir.accounting.v1.ListUsageResponse>;
                  readonly name: "ListUsage";
                  readonly path: "/reservoir.accounting.v1.AccountingService/ListUsage";
                  readonly requestType: "ListUsageRequest";
                  readonly responseType: "ListUsageResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type GetPricesCallback = (error: (Error|null), response?: reservoir.accounting.v1.PriceList) => void;
                type GetPrices = {
                  (request: reservoir.accounting.v1.IGetPricesRequest, callback: reservoir.accounting.v1.AccountingService.GetPricesCallback): void;
                  (request: reservoir.accounting.v1.IGetPricesRequest): Promise<reservoir.accounting.v1.PriceList>;
                  readonly name: "GetPrices";
                  readonly path: "/reservoir.accounting.v1.AccountingService/GetPrices";
                  readonly requestType: "GetPricesRequest";
                  readonly responseType: "PriceList";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type SetPricesCallback = (error: (Error|null), response?: reservoir.accounting.v1.PriceList) => void;
                type SetPrices = {
                  (request: reservoir.accounting.v1.IPriceList, callback: reservoir.accounting.v1.AccountingService.SetPricesCallback): void;
                  (request: reservoir.accounting.v1.IPriceList): Promise<reservoir.accounting.v1.PriceList>;
                  readonly name: "SetPrices";
                  readonly path: "/reservoir.accounting.v1.AccountingService/SetPrices";
                  readonly requestType: "PriceList";
                  readonly responseType: "PriceList";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type RunBillingCallback = (error: (Error|null), response?: reservoir.accounting.v1.RunBillingResponse) => void;
                type RunBilling = {
                  (request: reservoir.accounting.v1.IRunBillingRequest, callback: reservoir.accounting.v1.AccountingService.RunBillingCallback): void;
                  (request: reservoir.accounting.v1.IRunBillingRequest): Promise<reservoir.accounting.v1.RunBillingResponse>;
                  readonly name: "RunBilling";
                  readonly path: "/reservoir.accounting.v1.AccountingService/RunBilling";
                  readonly requestType: "RunBillingRequest";
                  readonly responseType: "RunBillingResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type GetBillCallback = (error: (Error|null), response?: reservoir.accounting.v1.Invoice) => void;
                type GetBill = {
                  (request: reservoir.accounting.v1.IGetBillRequest, callback: reservoir.accounting.v1.AccountingService.GetBillCallback): void;
                  (request: reservoir.accounting.v1.IGetBillRequest): Promise<reservoir.accounting.v1.Invoice>;
                  readonly name: "GetBill";
                  readonly path: "/reservoir.accounting.v1.AccountingService/GetBill";
                  readonly requestType: "GetBillRequest";
                  readonly responseType: "Invoice";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type QuoteCostCallback = (error: (Error|null), response?: reservoir.accounting.v1.Quote) => void;
                type QuoteCost = {
                  (request: reservoir.accounting.v1.IQuoteRequest, callback: reservoir.accounting.v1.AccountingService.QuoteCostCallback): void;
                  (request: reservoir.accounting.v1.IQuoteRequest): Promise<reservoir.accounting.v1.Quote>;
                  readonly name: "QuoteCost";
                  readonly path: "/reservoir.accounting.v1.AccountingService/QuoteCost";
                  readonly requestType: "QuoteRequest";
                  readonly responseType: "Quote";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type GetProfitabilityCallback = (error: (Error|null), response?: reservoir.accounting.v1.ProfitabilityResponse) => void;
                type GetProfitability = {
                  (request: reservoir.accounting.v1.IProfitabilityRequest, callback: reservoir.accounting.v1.AccountingService.GetProfitabilityCallback): void;
                  (request: reservoir.accounting.v1.IProfitabilityRequest): Promise<reservoir.accounting.v1.ProfitabilityResponse>;
                  readonly name: "GetProfitability";
                  readonly path: "/reservoir.accounting.v1.AccountingService/GetProfitability";
                  readonly requestType: "ProfitabilityRequest";
                  readonly responseType: "ProfitabilityResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
            }
        }
    }

    namespace common {

        namespace v1 {

            interface ITask extends reservoir.common.v1.Task.$Properties {
            }

            class Task {
                constructor(properties?: reservoir.common.v1.Task.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                operation: string;
                targetKind: string;
                targetId: string;
                state: reservoir.common.v1.TaskState;
                progress: number;
                message: string;
                errorCode: string;
                errorMessage: string;
                organization: string;
                owner: string;
                createdAtMs: number;
                startedAtMs: number;
                endedAtMs: number;
                site: string;
                transfer?: (reservoir.common.v1.TransferProgress.$Properties|null);
                static create(properties: reservoir.common.v1.Task.$Shape): reservoir.common.v1.Task & reservoir.common.v1.Task.$Shape;
                static create(properties?: reservoir.common.v1.Task.$Properties): reservoir.common.v1.Task;
                static encode(message: reservoir.common.v1.Task.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.common.v1.Task & reservoir.common.v1.Task.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.common.v1.Task;
                static toObject(message: reservoir.common.v1.Task, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace Task {
                interface $Properties {
                    id?: (string|null);
                    operation?: (string|null);
                    targetKind?: (string|null);
                    targetId?: (string|null);
                    state?: (reservoir.common.v1.TaskState|null);
                    progress?: (number|null);
                    message?: (string|null);
                    errorCode?: (string|null);
                    errorMessage?: (string|null);
                    organization?: (string|null);
                    owner?: (string|null);
                    createdAtMs?: (number|null);
                    startedAtMs?: (number|null);
                    endedAtMs?: (number|null);
                    site?: (string|null);
                    transfer?: (reservoir.common.v1.TransferProgress.$Properties|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.common.v1.Task.$Properties;
            }

            interface ITransferProgress extends reservoir.common.v1.TransferProgress.$Properties {
            }

            class TransferProgress {
                constructor(properties?: reservoir.common.v1.TransferProgress.$Properties);
                $unknowns?: Uint8Array[];
                phase: string;
                totalBytes: number;
                transferredBytes: number;
                remainingBytes: number;
                dirtyBytesPerSecond: number;
                static create(properties: reservoir.common.v1.TransferProgress.$Shape): reservoir.common.v1.TransferProgress & reservoir.common.v1.TransferProgress.$Shape;
                static create(properties?: reservoir.common.v1.TransferProgress.$Properties): reservoir.common.v1.TransferProgress;
                static encode(message: reservoir.common.v1.TransferProgress.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.common.v1.TransferProgress & reservoir.common.v1.TransferProgress.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.common.v1.TransferProgress;
                static toObject(message: reservoir.common.v1.TransferProgress, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace TransferProgress {
                interface $Properties {
                    phase?: (string|null);
                    totalBytes?: (number|null);
                    transferredBytes?: (number|null);
                    remainingBytes?: (number|null);
                    dirtyBytesPerSecond?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.common.v1.TransferProgress.$Properties;
            }

            enum TaskState {
                TASK_STATE_UNSPECIFIED = 0,
                TASK_STATE_QUEUED = 1,
                TASK_STATE_RUNNING = 2,
                TASK_STATE_SUCCEEDED = 3,
                TASK_STATE_FAILED = 4,
                TASK_STATE_CANCELED = 5
            }

            interface IGetTaskRequest extends reservoir.common.v1.GetTaskRequest.$Properties {
            }

            class GetTaskRequest {
                constructor(properties?: reservoir.common.v1.GetTaskRequest.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                static create(properties: reservoir.common.v1.GetTaskRequest.$Shape): reservoir.common.v1.GetTaskRequest & reservoir.common.v1.GetTaskRequest.$Shape;
                static create(properties?: reservoir.common.v1.GetTaskRequest.$Properties): reservoir.common.v1.GetTaskRequest;
                static encode(message: reservoir.common.v1.GetTaskRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.common.v1.GetTaskRequest & reservoir.common.v1.GetTaskRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.common.v1.GetTaskRequest;
                static toObject(message: reservoir.common.v1.GetTaskRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace GetTaskRequest {
                interface $Properties {
                    id?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.common.v1.GetTaskRequest.$Properties;
            }

            interface IWatchTaskRequest extends reservoir.common.v1.WatchTaskRequest.$Properties {
            }

            class WatchTaskRequest {
                constructor(properties?: reservoir.common.v1.WatchTaskRequest.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                static create(properties: reservoir.common.v1.WatchTaskRequest.$Shape): reservoir.common.v1.WatchTaskRequest & reservoir.common.v1.WatchTaskRequest.$Shape;
                static create(properties?: reservoir.common.v1.WatchTaskRequest.$Properties): reservoir.common.v1.WatchTaskRequest;
                static encode(message: reservoir.common.v1.WatchTaskRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.common.v1.WatchTaskRequest & reservoir.common.v1.WatchTaskRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.common.v1.WatchTaskRequest;
                static toObject(message: reservoir.common.v1.WatchTaskRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace WatchTaskRequest {
                interface $Properties {
                    id?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.common.v1.WatchTaskRequest.$Properties;
            }

            interface IListTasksRequest extends reservoir.common.v1.ListTasksRequest.$Properties {
            }

            class ListTasksRequest {
                constructor(properties?: reservoir.common.v1.ListTasksRequest.$Properties);
                $unknowns?: Uint8Array[];
                targetId: string;
                activeOnly: boolean;
                pageSize: number;
                pageToken: string;
                static create(properties: reservoir.common.v1.ListTasksRequest.$Shape): reservoir.common.v1.ListTasksRequest & reservoir.common.v1.ListTasksRequest.$Shape;
                static create(properties?: reservoir.common.v1.ListTasksRequest.$Properties): reservoir.common.v1.ListTasksRequest;
                static encode(message: reservoir.common.v1.ListTasksRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.common.v1.ListTasksRequest & reservoir.common.v1.ListTasksRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.common.v1.ListTasksRequest;
                static toObject(message: reservoir.common.v1.ListTasksRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListTasksRequest {
                interface $Properties {
                    targetId?: (string|null);
                    activeOnly?: (boolean|null);
                    pageSize?: (number|null);
                    pageToken?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.common.v1.ListTasksRequest.$Properties;
            }

            interface IListTasksResponse extends reservoir.common.v1.ListTasksResponse.$Properties {
            }

            class ListTasksResponse {
                constructor(properties?: reservoir.common.v1.ListTasksResponse.$Properties);
                $unknowns?: Uint8Array[];
                tasks: reservoir.common.v1.Task.$Properties[];
                nextPageToken: string;
                static create(properties: reservoir.common.v1.ListTasksResponse.$Shape): reservoir.common.v1.ListTasksResponse & reservoir.common.v1.ListTasksResponse.$Shape;
                static create(properties?: reservoir.common.v1.ListTasksResponse.$Properties): reservoir.common.v1.ListTasksResponse;
                static encode(message: reservoir.common.v1.ListTasksResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.common.v1.ListTasksResponse & reservoir.common.v1.ListTasksResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.common.v1.ListTasksResponse;
                static toObject(message: reservoir.common.v1.ListTasksResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListTasksResponse {
                interface $Properties {
                    tasks?: (reservoir.common.v1.Task.$Properties[]|null);
                    nextPageToken?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.common.v1.ListTasksResponse.$Properties;
            }

            class TaskService extends $protobuf.rpc.Service {
                constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);
                static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): TaskService;
                getTask: reservoir.common.v1.TaskService.GetTask;
                watchTask: reservoir.common.v1.TaskService.WatchTask;
                listTasks: reservoir.common.v1.TaskService.ListTasks;
            }

            namespace TaskService {
                type GetTaskCallback = (error: (Error|null), response?: reservoir.common.v1.Task) => void;
                type GetTask = {
                  (request: reservoir.common.v1.IGetTaskRequest, callback: reservoir.common.v1.TaskService.GetTaskCallback): void;
                  (request: reservoir.common.v1.IGetTaskRequest): Promise<reservoir.common.v1.Task>;
                  readonly name: "GetTask";
                  readonly path: "/reservoir.common.v1.TaskService/GetTask";
                  readonly requestType: "GetTaskRequest";
                  readonly responseType: "Task";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type WatchTaskCallback = (error: (Error|null), response?: reservoir.common.v1.Task) => void;
                type WatchTask = {
                  (request: reservoir.common.v1.IWatchTaskRequest, callback: reservoir.common.v1.TaskService.WatchTaskCallback): void;
                  (request: reservoir.common.v1.IWatchTaskRequest): Promise<reservoir.common.v1.Task>;
                  readonly name: "WatchTask";
                  readonly path: "/reservoir.common.v1.TaskService/WatchTask";
                  readonly requestType: "WatchTaskRequest";
                  readonly responseType: "Task";
                  readonly requestStream: undefined;
                  readonly responseStream: true;
                };
                type ListTasksCallback = (error: (Error|null), response?: reservoir.common.v1.ListTasksResponse) => void;
                type ListTasks = {
                  (request: reservoir.common.v1.IListTasksRequest, callback: reservoir.common.v1.TaskService.ListTasksCallback): void;
                  (request: reservoir.common.v1.IListTasksRequest): Promise<reservoir.common.v1.ListTasksResponse>;
                  readonly name: "ListTasks";
                  readonly path: "/reservoir.common.v1.TaskService/ListTasks";
                  readonly requestType: "ListTasksRequest";
                  readonly responseType: "ListTasksResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
            }

            interface IResources extends reservoir.common.v1.Resources.$Properties {
            }

            class Resources {
                constructor(properties?: reservoir.common.v1.Resources.$Properties);
                $unknowns?: Uint8Array[];
                vcpus: number;
                memoryMib: number;
                diskMib: number;
                static create(properties: reservoir.common.v1.Resources.$Shape): reservoir.common.v1.Resources & reservoir.common.v1.Resources.$Shape;
                static create(properties?: reservoir.common.v1.Resources.$Properties): reservoir.common.v1.Resources;
                static encode(message: reservoir.common.v1.Resources.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.common.v1.Resources & reservoir.common.v1.Resources.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.common.v1.Resources;
                static toObject(message: reservoir.common.v1.Resources, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace Resources {
                interface $Properties {
                    vcpus?: (number|null);
                    memoryMib?: (number|null);
                    diskMib?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.common.v1.Resources.$Properties;
            }

            interface IOvercommit extends reservoir.common.v1.Overcommit.$Properties {
            }

            class Overcommit {
                constructor(properties?: reservoir.common.v1.Overcommit.$Properties);
                $unknowns?: Uint8Array[];
                cpu: number;
                memory: number;
                disk: number;
                static create(properties: reservoir.common.v1.Overcommit.$Shape): reservoir.common.v1.Overcommit & reservoir.common.v1.Overcommit.$Shape;
                static create(properties?: reservoir.common.v1.Overcommit.$Properties): reservoir.common.v1.Overcommit;
                static encode(message: reservoir.common.v1.Overcommit.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.common.v1.Overcommit & reservoir.common.v1.Overcommit.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.common.v1.Overcommit;
                static toObject(message: reservoir.common.v1.Overcommit, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace Overcommit {
                interface $Properties {
                    cpu?: (number|null);
                    memory?: (number|null);
                    disk?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.common.v1.Overcommit.$Properties;
            }

            interface ICapabilityProfile extends reservoir.common.v1.CapabilityProfile.$Properties {
            }

            class CapabilityProfile {
                constructor(properties?: reservoir.common.v1.CapabilityProfile.$Properties);
                $unknowns?: Uint8Array[];
                hypervisor: string;
                hypervisorVersion: string;
                maxVcpusPerVm: number;
                maxMemoryMibPerVm: number;
                diskFormats: string[];
                liveMigration: boolean;
                cpuHotplug: boolean;
                memoryHotplug: boolean;
                snapshots: boolean;
                sharedStorageRequiredForLiveMigration: boolean;
                driver: string;
                static create(properties: reservoir.common.v1.CapabilityProfile.$Shape): reservoir.common.v1.CapabilityProfile & reservoir.common.v1.CapabilityProfile.$Shape;
                static create(properties?: reservoir.common.v1.CapabilityProfile.$Properties): reservoir.common.v1.CapabilityProfile;
                static encode(message: reservoir.common.v1.CapabilityProfile.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.common.v1.CapabilityProfile & reservoir.common.v1.CapabilityProfile.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.common.v1.CapabilityProfile;
                static toObject(message: reservoir.common.v1.CapabilityProfile, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace CapabilityProfile {
                interface $Properties {
                    hypervisor?: (string|null);
                    hypervisorVersion?: (string|null);
                    maxVcpusPerVm?: (number|null);
                    maxMemoryMibPerVm?: (number|null);
                    diskFormats?: (string[]|null);
                    liveMigration?: (boolean|null);
                    cpuHotplug?: (boolean|null);
                    memoryHotplug?: (boolean|null);
                    snapshots?: (boolean|null);
                    sharedStorageRequiredForLiveMigration?: (boolean|null);
                    driver?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.common.v1.CapabilityProfile.$Properties;
            }
        }
    }

    namespace monitoring {

        namespace v1 {

            enum AttributeType {
                ATTRIBUTE_TYPE_UNSPECIFIED = 0,
                ATTRIBUTE_TYPE_DOUBLE = 1,
                ATTRIBUTE_TYPE_INT = 2,
                ATTRIBUTE_TYPE_STRING = 3,
                ATTRIBUTE_TYPE_BOOL = 4
            }

            interface IProbeAttribute extends reservoir.monitoring.v1.ProbeAttribute.$Properties {
            }

            class ProbeAttribute {
                constructor(properties?: reservoir.monitoring.v1.ProbeAttribute.$Properties);
                $unknowns?: Uint8Array[];
                field: number;
                name: string;
                type: reservoir.monitoring.v1.AttributeType;
                units: string;
                static create(properties: reservoir.monitoring.v1.ProbeAttribute.$Shape): reservoir.monitoring.v1.ProbeAttribute & reservoir.monitoring.v1.ProbeAttribute.$Shape;
                static create(properties?: reservoir.monitoring.v1.ProbeAttribute.$Properties): reservoir.monitoring.v1.ProbeAttribute;
                static encode(message: reservoir.monitoring.v1.ProbeAttribute.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.monitoring.v1.ProbeAttribute & reservoir.monitoring.v1.ProbeAttribute.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.monitoring.v1.ProbeAttribute;
                static toObject(message: reservoir.monitoring.v1.ProbeAttribute, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ProbeAttribute {
                interface $Properties {
                    field?: (number|null);
                    name?: (string|null);
                    type?: (reservoir.monitoring.v1.AttributeType|null);
                    units?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.monitoring.v1.ProbeAttribute.$Properties;
            }

            interface IProbeInfo extends reservoir.monitoring.v1.ProbeInfo.$Properties {
            }

            class ProbeInfo {
                constructor(properties?: reservoir.monitoring.v1.ProbeInfo.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                name: string;
                dataSourceId: string;
                serviceId: string;
                attributes: reservoir.monitoring.v1.ProbeAttribute.$Properties[];
                periodMs: number;
                on: boolean;
                qos: number;
                static create(properties: reservoir.monitoring.v1.ProbeInfo.$Shape): reservoir.monitoring.v1.ProbeInfo & reservoir.monitoring.v1.ProbeInfo.$Shape;
                static create(properties?: reservoir.monitoring.v1.ProbeInfo.$Properties): reservoir.monitoring.v1.ProbeInfo;
                static encode(message: reservoir.monitoring.v1.ProbeInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.monitoring.v1.ProbeInfo & reservoir.monitoring.v1.ProbeInfo.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.monitoring.v1.ProbeInfo;
                static toObject(message: reservoir.monitoring.v1.ProbeInfo, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ProbeInfo {
                interface $Properties {
                    id?: (string|null);
                    name?: (string|null);
                    dataSourceId?: (string|null);
                    serviceId?: (string|null);
                    attributes?: (reservoir.monitoring.v1.ProbeAttribute.$Properties[]|null);
                    periodMs?: (number|null);
                    on?: (boolean|null);
                    qos?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.monitoring.v1.ProbeInfo.$Properties;
            }

            interface IDataSourceInfo extends reservoir.monitoring.v1.DataSourceInfo.$Properties {
            }

            class DataSourceInfo {
                constructor(properties?: reservoir.monitoring.v1.DataSourceInfo.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                name: string;
                site: string;
                kind: string;
                probes: reservoir.monitoring.v1.ProbeInfo.$Properties[];
                updatedAtMs: number;
                static create(properties: reservoir.monitoring.v1.DataSourceInfo.$Shape): reservoir.monitoring.v1.DataSourceInfo & reservoir.monitoring.v1.DataSourceInfo.$Shape;
                static create(properties?: reservoir.monitoring.v1.DataSourceInfo.$Properties): reservoir.monitoring.v1.DataSourceInfo;
                static encode(message: reservoir.monitoring.v1.DataSourceInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.monitoring.v1.DataSourceInfo & reservoir.monitoring.v1.DataSourceInfo.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.monitoring.v1.DataSourceInfo;
                static toObject(message: reservoir.monitoring.v1.DataSourceInfo, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace DataSourceInfo {
                interface $Properties {
                    id?: (string|null);
                    name?: (string|null);
                    site?: (string|null);
                    kind?: (string|null);
                    probes?: (reservoir.monitoring.v1.ProbeInfo.$Properties[]|null);
                    updatedAtMs?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.monitoring.v1.DataSourceInfo.$Properties;
            }

            interface IValue extends reservoir.monitoring.v1.Value.$Properties {
            }

            class Value {
                constructor(properties?: reservoir.monitoring.v1.Value.$Properties);
                $unknowns?: Uint8Array[];
                field: number;
                d?: (number|null);
                i?: (number|null);
                s?: (string|null);
                b?: (boolean|null);
                v?: ("d"|"i"|"s"|"b");
                static create(properties: reservoir.monitoring.v1.Value.$Shape): reservoir.monitoring.v1.Value & reservoir.monitoring.v1.Value.$Shape;
                static create(properties?: reservoir.monitoring.v1.Value.$Properties): reservoir.monitoring.v1.Value;
                static encode(message: reservoir.monitoring.v1.Value.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.monitoring.v1.Value & reservoir.monitoring.v1.Value.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.monitoring.v1.Value;
                static toObject(message: reservoir.monitoring.v1.Value, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace Value {
                interface $Properties {
                    field?: (number|null);
                    d?: (number|null);
                    i?: (number|null);
                    s?: (string|null);
                    b?: (boolean|null);
                    v?: ("d"|"i"|"s"|"b");
                    $unknowns?: Uint8Array[];
                }
                type $Shape = {
                  field?: number|null;
                  d?: number|null;
                  i?: number|null;
                  s?: string|null;
                  b?: boolean|null;
                  $unknowns?: Uint8Array[];
                } & (
                  ({ v?: undefined; d?: null; i?: null; s?: null; b?: null }|{ v?: "d"; d: number; i?: null; s?: null; b?: null }|{ v?: "i"; d?: null; i: number; s?: null; b?: null }|{ v?: "s"; d?: null; i?: null; s: string; b?: null }|{ v?: "b"; d?: null; i?: null; s?: null; b: boolean })
                );
            }

            interface IMeasurement extends reservoir.monitoring.v1.Measurement.$Properties {
            }

            class Measurement {
                constructor(properties?: reservoir.monitoring.v1.Measurement.$Properties);
                $unknowns?: Uint8Array[];
                probe: number;
                seq: number;
                offsetMs: number;
                values: reservoir.monitoring.v1.Value.$Properties[];
                static create(properties: reservoir.monitoring.v1.Measurement.$Shape): reservoir.monitoring.v1.Measurement & reservoir.monitoring.v1.Measurement.$Shape;
                static create(properties?: reservoir.monitoring.v1.Measurement.$Properties): reservoir.monitoring.v1.Measurement;
                static encode(message: reservoir.monitoring.v1.Measurement.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.monitoring.v1.Measurement & reservoir.monitoring.v1.Measurement.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.monitoring.v1.Measurement;
                static toObject(message: reservoir.monitoring.v1.Measurement, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace Measurement {
                interface $Properties {
                    probe?: (number|null);
                    seq?: (number|null);
                    offsetMs?: (number|null);
                    values?: (reservoir.monitoring.v1.Value.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = {
                  probe?: number|null;
                  seq?: number|null;
                  offsetMs?: number|null;
                  values?: reservoir.monitoring.v1.Value.$Shape[]|null;
                  $unknowns?: Uint8Array[];
                };
            }

            interface IMeasurementBatch extends reservoir.monitoring.v1.MeasurementBatch.$Properties {
            }

            class MeasurementBatch {
                constructor(properties?: reservoir.monitoring.v1.MeasurementBatch.$Properties);
                $unknowns?: Uint8Array[];
                dataSourceId: string;
                serviceId: string;
                probes: string[];
                baseTimeMs: number;
                measurements: reservoir.monitoring.v1.Measurement.$Properties[];
                static create(properties: reservoir.monitoring.v1.MeasurementBatch.$Shape): reservoir.monitoring.v1.MeasurementBatch & reservoir.monitoring.v1.MeasurementBatch.$Shape;
                static create(properties?: reservoir.monitoring.v1.MeasurementBatch.$Properties): reservoir.monitoring.v1.MeasurementBatch;
                static encode(message: reservoir.monitoring.v1.MeasurementBatch.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.monitoring.v1.MeasurementBatch & reservoir.monitoring.v1.MeasurementBatch.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.monitoring.v1.MeasurementBatch;
                static toObject(message: reservoir.monitoring.v1.MeasurementBatch, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace MeasurementBatch {
                interface $Properties {
                    dataSourceId?: (string|null);
                    serviceId?: (string|null);
                    probes?: (string[]|null);
                    baseTimeMs?: (number|null);
                    measurements?: (reservoir.monitoring.v1.Measurement.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = {
                  dataSourceId?: string|null;
                  serviceId?: string|null;
                  probes?: string[]|null;
                  baseTimeMs?: number|null;
                  measurements?: reservoir.monitoring.v1.Measurement.$Shape[]|null;
                  $unknowns?: Uint8Array[];
                };
            }

            interface IProbeControl extends reservoir.monitoring.v1.ProbeControl.$Properties {
            }

            class ProbeControl {
                constructor(properties?: reservoir.monitoring.v1.ProbeControl.$Properties);
                $unknowns?: Uint8Array[];
                correlationId: string;
                dataSourceId: string;
                probeId: string;
                action: string;
                periodMs: number;
                probe?: (reservoir.monitoring.v1.ProbeInfo.$Properties|null);
                static create(properties: reservoir.monitoring.v1.ProbeControl.$Shape): reservoir.monitoring.v1.ProbeControl & reservoir.monitoring.v1.ProbeControl.$Shape;
                static create(properties?: reservoir.monitoring.v1.ProbeControl.$Properties): reservoir.monitoring.v1.ProbeControl;
                static encode(message: reservoir.monitoring.v1.ProbeControl.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.monitoring.v1.ProbeControl & reservoir.monitoring.v1.ProbeControl.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.monitoring.v1.ProbeControl;
                static toObject(message: reservoir.monitoring.v1.ProbeControl, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ProbeControl {
                interface $Properties {
                    correlationId?: (string|null);
                    dataSourceId?: (string|null);
                    probeId?: (string|null);
                    action?: (string|null);
                    periodMs?: (number|null);
                    probe?: (reservoir.monitoring.v1.ProbeInfo.$Properties|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.monitoring.v1.ProbeControl.$Properties;
            }

            interface IProbeControlAck extends reservoir.monitoring.v1.ProbeControlAck.$Properties {
            }

            class ProbeControlAck {
                constructor(properties?: reservoir.monitoring.v1.ProbeControlAck.$Properties);
                $unknowns?: Uint8Array[];
                correlationId: string;
                ok: boolean;
                errorCode: string;
                errorMessage: string;
                probe?: (reservoir.monitoring.v1.ProbeInfo.$Properties|null);
                static create(properties: reservoir.monitoring.v1.ProbeControlAck.$Shape): reservoir.monitoring.v1.ProbeControlAck & reservoir.monitoring.v1.ProbeControlAck.$Shape;
                static create(properties?: reservoir.monitoring.v1.ProbeControlAck.$Properties): reservoir.monitoring.v1.ProbeControlAck;
                static encode(message: reservoir.monitoring.v1.ProbeControlAck.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.monitoring.v1.ProbeControlAck & reservoir.monitoring.v1.ProbeControlAck.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.monitoring.v1.ProbeControlAck;
                static toObject(message: reservoir.monitoring.v1.ProbeControlAck, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ProbeControlAck {
                interface $Properties {
                    correlationId?: (string|null);
                    ok?: (boolean|null);
                    errorCode?: (string|null);
                    errorMessage?: (string|null);
                    probe?: (reservoir.monitoring.v1.ProbeInfo.$Properties|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.monitoring.v1.ProbeControlAck.$Properties;
            }

            interface IListSourcesRequest extends reservoir.monitoring.v1.ListSourcesRequest.$Properties {
            }

            class ListSourcesRequest {
                constructor(properties?: reservoir.monitoring.v1.ListSourcesRequest.$Properties);
                $unknowns?: Uint8Array[];
                kind: string;
                site: string;
                static create(properties: reservoir.monitoring.v1.ListSourcesRequest.$Shape): reservoir.monitoring.v1.ListSourcesRequest & reservoir.monitoring.v1.ListSourcesRequest.$Shape;
                static create(properties?: reservoir.monitoring.v1.ListSourcesRequest.$Properties): reservoir.monitoring.v1.ListSourcesRequest;
                static encode(message: reservoir.monitoring.v1.ListSourcesRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.monitoring.v1.ListSourcesRequest & reservoir.monitoring.v1.ListSourcesRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.monitoring.v1.ListSourcesRequest;
                static toObject(message: reservoir.monitoring.v1.ListSourcesRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListSourcesRequest {
                interface $Properties {
                    kind?: (string|null);
                    site?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.monitoring.v1.ListSourcesRequest.$Properties;
            }

            interface IListSourcesResponse extends reservoir.monitoring.v1.ListSourcesResponse.$Properties {
            }

            class ListSourcesResponse {
                constructor(properties?: reservoir.monitoring.v1.ListSourcesResponse.$Properties);
                $unknowns?: Uint8Array[];
                sources: reservoir.monitoring.v1.DataSourceInfo.$Properties[];
                static create(properties: reservoir.monitoring.v1.ListSourcesResponse.$Shape): reservoir.monitoring.v1.ListSourcesResponse & reservoir.monitoring.v1.ListSourcesResponse.$Shape;
                static create(properties?: reservoir.monitoring.v1.ListSourcesResponse.$Properties): reservoir.monitoring.v1.ListSourcesResponse;
                static encode(message: reservoir.monitoring.v1.ListSourcesResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.monitoring.v1.ListSourcesResponse & reservoir.monitoring.v1.ListSourcesResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.monitoring.v1.ListSourcesResponse;
                static toObject(message: reservoir.monitoring.v1.ListSourcesResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListSourcesResponse {
                interface $Properties {
                    sources?: (reservoir.monitoring.v1.DataSourceInfo.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.monitoring.v1.ListSourcesResponse.$Properties;
            }

            interface IListProbesRequest extends reservoir.monitoring.v1.ListProbesRequest.$Properties {
            }

            class ListProbesRequest {
                constructor(properties?: reservoir.monitoring.v1.ListProbesRequest.$Properties);
                $unknowns?: Uint8Array[];
                dataSourceId: string;
                serviceId: string;
                static create(properties: reservoir.monitoring.v1.ListProbesRequest.$Shape): reservoir.monitoring.v1.ListProbesRequest & reservoir.monitoring.v1.ListProbesRequest.$Shape;
                static create(properties?: reservoir.monitoring.v1.ListProbesRequest.$Properties): reservoir.monitoring.v1.ListProbesRequest;
                static encode(message: reservoir.monitoring.v1.ListProbesRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.monitoring.v1.ListProbesRequest & reservoir.monitoring.v1.ListProbesRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.monitoring.v1.ListProbesRequest;
                static toObject(message: reservoir.monitoring.v1.ListProbesRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListProbesRequest {
                interface $Properties {
                    dataSourceId?: (string|null);
                    serviceId?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.monitoring.v1.ListProbesRequest.$Properties;
            }

            interface IListProbesResponse extends reservoir.monitoring.v1.ListProbesResponse.$Properties {
            }

            class ListProbesResponse {
                constructor(properties?: reservoir.monitoring.v1.ListProbesResponse.$Properties);
                $unknowns?: Uint8Array[];
                probes: reservoir.monitoring.v1.ProbeInfo.$Properties[];
                static create(properties: reservoir.monitoring.v1.ListProbesResponse.$Shape): reservoir.monitoring.v1.ListProbesResponse & reservoir.monitoring.v1.ListProbesResponse.$Shape;
                static create(properties?: reservoir.monitoring.v1.ListProbesResponse.$Properties): reservoir.monitoring.v1.ListProbesResponse;
                static encode(message: reservoir.monitoring.v1.ListProbesResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.monitoring.v1.ListProbesResponse & reservoir.monitoring.v1.ListProbesResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.monitoring.v1.ListProbesResponse;
                static toObject(message: reservoir.monitoring.v1.ListProbesResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListProbesResponse {
                interface $Properties {
                    probes?: (reservoir.monitoring.v1.ProbeInfo.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.monitoring.v1.ListProbesResponse.$Properties;
            }

            interface IControlProbeRequest extends reservoir.monitoring.v1.ControlProbeRequest.$Properties {
            }

            class ControlProbeRequest {
                constructor(properties?: reservoir.monitoring.v1.ControlProbeRequest.$Properties);
                $unknowns?: Uint8Array[];
                dataSourceId: string;
                probeId: string;
                action: string;
                periodMs: number;
                probe?: (reservoir.monitoring.v1.ProbeInfo.$Properties|null);
                timeoutMs: number;
                site: string;
                static create(properties: reservoir.monitoring.v1.ControlProbeRequest.$Shape): reservoir.monitoring.v1.ControlProbeRequest & reservoir.monitoring.v1.ControlProbeRequest.$Shape;
                static create(properties?: reservoir.monitoring.v1.ControlProbeRequest.$Properties): reservoir.monitoring.v1.ControlProbeRequest;
                static encode(message: reservoir.monitoring.v1.ControlProbeRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.monitoring.v1.ControlProbeRequest & reservoir.monitoring.v1.ControlProbeRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.monitoring.v1.ControlProbeRequest;
                static toObject(message: reservoir.monitoring.v1.ControlProbeRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ControlProbeRequest {
                interface $Properties {
                    dataSourceId?: (string|null);
                    probeId?: (string|null);
                    action?: (string|null);
                    periodMs?: (number|null);
                    probe?: (reservoir.monitoring.v1.ProbeInfo.$Properties|null);
                    timeoutMs?: (number|null);
                    site?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.monitoring.v1.ControlProbeRequest.$Properties;
            }

            interface IPushKpiRequest extends reservoir.monitoring.v1.PushKpiRequest.$Properties {
            }

            class PushKpiRequest {
                constructor(properties?: reservoir.monitoring.v1.PushKpiRequest.$Properties);
                $unknowns?: Uint8Array[];
                serviceId: string;
                name: string;
                value: number;
                units: string;
                static create(properties: reservoir.monitoring.v1.PushKpiRequest.$Shape): reservoir.monitoring.v1.PushKpiRequest & reservoir.monitoring.v1.PushKpiRequest.$Shape;
                static create(properties?: reservoir.monitoring.v1.PushKpiRequest.$Properties): reservoir.monitoring.v1.PushKpiRequest;
                static encode(message: reservoir.monitoring.v1.PushKpiRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.monitoring.v1.PushKpiRequest & reservoir.monitoring.v1.PushKpiRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.monitoring.v1.PushKpiRequest;
                static toObject(message: reservoir.monitoring.v1.PushKpiRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace PushKpiRequest {
                interface $Properties {
                    serviceId?: (string|null);
                    name?: (string|null);
                    value?: (number|null);
                    units?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.monitoring.v1.PushKpiRequest.$Properties;
            }

            interface IPushKpiResponse extends reservoir.monitoring.v1.PushKpiResponse.$Properties {
            }

            class PushKpiResponse {
                constructor(properties?: reservoir.monitoring.v1.PushKpiResponse.$Properties);
                $unknowns?: Uint8Array[];
                probe?: (reservoir.monitoring.v1.ProbeInfo.$Properties|null);
                static create(properties: reservoir.monitoring.v1.PushKpiResponse.$Shape): reservoir.monitoring.v1.PushKpiResponse & reservoir.monitoring.v1.PushKpiResponse.$Shape;
                static create(properties?: reservoir.monitoring.v1.PushKpiResponse.$Properties): reservoir.monitoring.v1.PushKpiResponse;
                static encode(message: reservoir.monitoring.v1.PushKpiResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.monitoring.v1.PushKpiResponse & reservoir.monitoring.v1.PushKpiResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.monitoring.v1.PushKpiResponse;
                static toObject(message: reservoir.monitoring.v1.PushKpiResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace PushKpiResponse {
                interface $Properties {
                    probe?: (reservoir.monitoring.v1.ProbeInfo.$Properties|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.monitoring.v1.PushKpiResponse.$Properties;
            }

            class MonitoringService extends $protobuf.rpc.Service {
                constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);
                static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): MonitoringService;
                listSources: reservoir.monitoring.v1.MonitoringService.ListSources;
                listProbes: reservoir.monitoring.v1.MonitoringService.ListProbes;
                controlProbe: reservoir.monitoring.v1.MonitoringService.ControlProbe;
                pushKpi: reservoir.monitoring.v1.MonitoringService.PushKpi;
            }

            namespace MonitoringService {
                type ListSourcesCallback = (error: (Error|null), response?: reservoir.monitoring.v1.ListSourcesResponse) => void;
                type ListSources = {
                  (request: reservoir.monitoring.v1.IListSourcesRequest, callback: reservoir.monitoring.v1.MonitoringService.ListSourcesCallback): void;
                  (request: reservoir.monitoring.v1.IListSourcesRequest): Promise<reservoir.monitoring.v1.ListSourcesResponse>;
                  readonly name: "ListSources";
                  readonly path: "/reservoir.monitoring.v1.MonitoringService/ListSources";
                  readonly requestType: "ListSourcesRequest";
                  readonly responseType: "ListSourcesResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ListProbesCallback = (error: (Error|null), response?: reservoir.monitoring.v1.ListProbesResponse) => void;
                type ListProbes = {
                  (request: reservoir.monitoring.v1.IListProbesRequest, callback: reservoir.monitoring.v1.MonitoringService.ListProbesCallback): void;
                  (request: reservoir.monitoring.v1.IListProbesRequest): Promise<reservoir.monitoring.v1.ListProbesResponse>;
                  readonly name: "ListProbes";
                  readonly path: "/reservoir.monitoring.v1.MonitoringService/ListProbes";
                  readonly requestType: "ListProbesRequest";
                  readonly responseType: "ListProbesResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ControlProbeCallback = (error: (Error|null), response?: reservoir.monitoring.v1.ProbeInfo) => void;
                type ControlProbe = {
                  (request: reservoir.monitoring.v1.IControlProbeRequest, callback: reservoir.monitoring.v1.MonitoringService.ControlProbeCallback): void;
                  (request: reservoir.monitoring.v1.IControlProbeRequest): Promise<reservoir.monitoring.v1.ProbeInfo>;
                  readonly name: "ControlProbe";
                  readonly path: "/reservoir.monitoring.v1.MonitoringService/ControlProbe";
                  readonly requestType: "ControlProbeRequest";
                  readonly responseType: "ProbeInfo";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type PushKpiCallback = (error: (Error|null), response?: reservoir.monitoring.v1.PushKpiResponse) => void;
                type PushKpi = {
                  (request: reservoir.monitoring.v1.IPushKpiRequest, callback: reservoir.monitoring.v1.MonitoringService.PushKpiCallback): void;
                  (request: reservoir.monitoring.v1.IPushKpiRequest): Promise<reservoir.monitoring.v1.PushKpiResponse>;
                  readonly name: "PushKpi";
                  readonly path: "/reservoir.monitoring.v1.MonitoringService/PushKpi";
                  readonly requestType: "PushKpiRequest";
                  readonly responseType: "PushKpiResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
            }
        }
    }

    namespace pe {

        namespace v1 {

            interface IPolicy extends reservoir.pe.v1.Policy.$Properties {
            }

            class Policy {
                constructor(properties?: reservoir.pe.v1.Policy.$Properties);
                $unknowns?: Uint8Array[];
                name: string;
                weights: { [k: string]: number };
                maxMigrations: number;
                solver: string;
                timeLimitSeconds: number;
                cycleIntervalSeconds: number;
                planConcurrency: number;
                version: number;
                static create(properties: reservoir.pe.v1.Policy.$Shape): reservoir.pe.v1.Policy & reservoir.pe.v1.Policy.$Shape;
                static create(properties?: reservoir.pe.v1.Policy.$Properties): reservoir.pe.v1.Policy;
                static encode(message: reservoir.pe.v1.Policy.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.pe.v1.Policy & reservoir.pe.v1.Policy.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.pe.v1.Policy;
                static toObject(message: reservoir.pe.v1.Policy, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace Policy {
                interface $Properties {
                    name?: (string|null);
                    weights?: ({ [k: string]: number }|null);
                    maxMigrations?: (number|null);
                    solver?: (string|null);
                    timeLimitSeconds?: (number|null);
                    cycleIntervalSeconds?: (number|null);
                    planConcurrency?: (number|null);
                    version?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.pe.v1.Policy.$Properties;
            }

            interface IGetPolicyRequest extends reservoir.pe.v1.GetPolicyRequest.$Properties {
            }

            class GetPolicyRequest {
                constructor(properties?: reservoir.pe.v1.GetPolicyRequest.$Properties);
                $unknowns?: Uint8Array[];
                static create(properties: reservoir.pe.v1.GetPolicyRequest.$Shape): reservoir.pe.v1.GetPolicyRequest & reservoir.pe.v1.GetPolicyRequest.$Shape;
                static create(properties?: reservoir.pe.v1.GetPolicyRequest.$Properties): reservoir.pe.v1.GetPolicyRequest;
                static encode(message: reservoir.pe.v1.GetPolicyRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.pe.v1.GetPolicyRequest & reservoir.pe.v1.GetPolicyRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.pe.v1.GetPolicyRequest;
                static toObject(message: reservoir.pe.v1.GetPolicyRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace GetPolicyRequest {
                interface $Properties {
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.pe.v1.GetPolicyRequest.$Properties;
            }

            interface ISetPolicyRequest extends reservoir.pe.v1.SetPolicyRequest.$Properties {
            }

            class SetPolicyRequest {
                constructor(properties?: reservoir.pe.v1.SetPolicyRequest.$Properties);
                $unknowns?: Uint8Array[];
                policy?: (reservoir.pe.v1.Policy.$Properties|null);
                updateMask: string[];
                static create(properties: reservoir.pe.v1.SetPolicyRequest.$Shape): reservoir.pe.v1.SetPolicyRequest & reservoir.pe.v1.SetPolicyRequest.$Shape;
                static create(properties?: reservoir.pe.v1.SetPolicyRequest.$Properties): reservoir.pe.v1.SetPolicyRequest;
                static encode(message: reservoir.pe.v1.SetPolicyRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.pe.v1.SetPolicyRequest & reservoir.pe.v1.SetPolicyRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.pe.v1.SetPolicyRequest;
                static toObject(message: reservoir.pe.v1.SetPolicyRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace SetPolicyRequest {
                interface $Properties {
                    policy?: (reservoir.pe.v1.Policy.$Properties|null);
                    updateMask?: (string[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.pe.v1.SetPolicyRequest.$Properties;
            }

            interface ITags extends reservoir.pe.v1.Tags.$Properties {
            }

            class Tags {
                constructor(properties?: reservoir.pe.v1.Tags.$Properties);
                $unknowns?: Uint8Array[];
                values: string[];
                static create(properties: reservoir.pe.v1.Tags.$Shape): reservoir.pe.v1.Tags & reservoir.pe.v1.Tags.$Shape;
                static create(properties?: reservoir.pe.v1.Tags.$Properties): reservoir.pe.v1.Tags;
                static encode(message: reservoir.pe.v1.Tags.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.pe.v1.Tags & reservoir.pe.v1.Tags.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.pe.v1.Tags;
                static toObject(message: reservoir.pe.v1.Tags, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace Tags {
                interface $Properties {
                    values?: (string[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.pe.v1.Tags.$Properties;
            }

            interface IConstraint extends reservoir.pe.v1.Constraint.$Properties {
            }

            class Constraint {
                constructor(properties?: reservoir.pe.v1.Constraint.$Properties);
                $unknowns?: Uint8Array[];
                type: string;
                vms: string[];
                scope: string;
                hard: boolean;
                tag: string;
                min: number;
                hosts: string[];
                tags: { [k: string]: reservoir.pe.v1.Tags.$Properties };
                static create(properties: reservoir.pe.v1.Constraint.$Shape): reservoir.pe.v1.Constraint & reservoir.pe.v1.Constraint.$Shape;
                static create(properties?: reservoir.pe.v1.Constraint.$Properties): reservoir.pe.v1.Constraint;
                static encode(message: reservoir.pe.v1.Constraint.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.pe.v1.Constraint & reservoir.pe.v1.Constraint.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.pe.v1.Constraint;
                static toObject(message: reservoir.pe.v1.Constraint, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace Constraint {
                interface $Properties {
                    type?: (string|null);
                    vms?: (string[]|null);
                    scope?: (string|null);
                    hard?: (boolean|null);
                    tag?: (string|null);
                    min?: (number|null);
                    hosts?: (string[]|null);
                    tags?: ({ [k: string]: reservoir.pe.v1.Tags.$Properties }|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.pe.v1.Constraint.$Properties;
            }

            interface IPlaceHost extends reservoir.pe.v1.PlaceHost.$Properties {
            }

            class PlaceHost {
                constructor(properties?: reservoir.pe.v1.PlaceHost.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                capacity: number[];
                overcommit: number[];
                used: number[];
                tags: { [k: string]: string };
                powerIdle: number;
                powerPeak: number;
                cost: number;
                static create(properties: reservoir.pe.v1.PlaceHost.$Shape): reservoir.pe.v1.PlaceHost & reservoir.pe.v1.PlaceHost.$Shape;
                static create(properties?: reservoir.pe.v1.PlaceHost.$Properties): reservoir.pe.v1.PlaceHost;
                static encode(message: reservoir.pe.v1.PlaceHost.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.pe.v1.PlaceHost & reservoir.pe.v1.PlaceHost.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.pe.v1.PlaceHost;
                static toObject(message: reservoir.pe.v1.PlaceHost, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace PlaceHost {
                interface $Properties {
                    id?: (string|null);
                    capacity?: (number[]|null);
                    overcommit?: (number[]|null);
                    used?: (number[]|null);
                    tags?: ({ [k: string]: string }|null);
                    powerIdle?: (number|null);
                    powerPeak?: (number|null);
                    cost?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.pe.v1.PlaceHost.$Properties;
            }

            interface IExclusion extends reservoir.pe.v1.Exclusion.$Properties {
            }

            class Exclusion {
                constructor(properties?: reservoir.pe.v1.Exclusion.$Properties);
                $unknowns?: Uint8Array[];
                host: string;
                reason: string;
                static create(properties: reservoir.pe.v1.Exclusion.$Shape): reservoir.pe.v1.Exclusion & reservoir.pe.v1.Exclusion.$Shape;
                static create(properties?: reservoir.pe.v1.Exclusion.$Properties): reservoir.pe.v1.Exclusion;
                static encode(message: reservoir.pe.v1.Exclusion.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.pe.v1.Exclusion & reservoir.pe.v1.Exclusion.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.pe.v1.Exclusion;
                static toObject(message: reservoir.pe.v1.Exclusion, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace Exclusion {
                interface $Properties {
                    host?: (string|null);
                    reason?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.pe.v1.Exclusion.$Properties;
            }

            interface IPlaceVm extends reservoir.pe.v1.PlaceVm.$Properties {
            }

            class PlaceVm {
                constructor(properties?: reservoir.pe.v1.PlaceVm.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                demand: number[];
                host: string;
                excluded: reservoir.pe.v1.Exclusion.$Properties[];
                static create(properties: reservoir.pe.v1.PlaceVm.$Shape): reservoir.pe.v1.PlaceVm & reservoir.pe.v1.PlaceVm.$Shape;
                static create(properties?: reservoir.pe.v1.PlaceVm.$Properties): reservoir.pe.v1.PlaceVm;
                static encode(message: reservoir.pe.v1.PlaceVm.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.pe.v1.PlaceVm & reservoir.pe.v1.PlaceVm.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.pe.v1.PlaceVm;
                static toObject(message: reservoir.pe.v1.PlaceVm, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace PlaceVm {
                interface $Properties {
                    id?: (string|null);
                    demand?: (number[]|null);
                    host?: (string|null);
                    excluded?: (reservoir.pe.v1.Exclusion.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.pe.v1.PlaceVm.$Properties;
            }

            interface IPlaceRequest extends reservoir.pe.v1.PlaceRequest.$Properties {
            }

            class PlaceRequest {
                constructor(properties?: reservoir.pe.v1.PlaceRequest.$Properties);
                $unknowns?: Uint8Array[];
                resources: string[];
                hosts: reservoir.pe.v1.PlaceHost.$Properties[];
                vms: reservoir.pe.v1.PlaceVm.$Properties[];
                placed: reservoir.pe.v1.PlaceVm.$Properties[];
                constraints: reservoir.pe.v1.Constraint.$Properties[];
                static create(properties: reservoir.pe.v1.PlaceRequest.$Shape): reservoir.pe.v1.PlaceRequest & reservoir.pe.v1.PlaceRequest.$Shape;
                static create(properties?: reservoir.pe.v1.PlaceRequest.$Properties): reservoir.pe.v1.PlaceRequest;
                static encode(message: reservoir.pe.v1.PlaceRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.pe.v1.PlaceRequest & reservoir.pe.v1.PlaceRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.pe.v1.PlaceRequest;
                static toObject(message: reservoir.pe.v1.PlaceRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace PlaceRequest {
                interface $Properties {
                    resources?: (string[]|null);
                    hosts?: (reservoir.pe.v1.PlaceHost.$Properties[]|null);
                    vms?: (reservoir.pe.v1.PlaceVm.$Properties[]|null);
                    placed?: (reservoir.pe.v1.PlaceVm.$Properties[]|null);
                    constraints?: (reservoir.pe.v1.Constraint.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.pe.v1.PlaceRequest.$Properties;
            }

            interface IUnplaced extends reservoir.pe.v1.Unplaced.$Properties {
            }

            class Unplaced {
                constructor(properties?: reservoir.pe.v1.Unplaced.$Properties);
                $unknowns?: Uint8Array[];
                vm: string;
                reasons: string[];
                static create(properties: reservoir.pe.v1.Unplaced.$Shape): reservoir.pe.v1.Unplaced & reservoir.pe.v1.Unplaced.$Shape;
                static create(properties?: reservoir.pe.v1.Unplaced.$Properties): reservoir.pe.v1.Unplaced;
                static encode(message: reservoir.pe.v1.Unplaced.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.pe.v1.Unplaced & reservoir.pe.v1.Unplaced.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.pe.v1.Unplaced;
                static toObject(message: reservoir.pe.v1.Unplaced, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace Unplaced {
                interface $Properties {
                    vm?: (string|null);
                    reasons?: (string[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.pe.v1.Unplaced.$Properties;
            }

            interface IPlaceResponse extends reservoir.pe.v1.PlaceResponse.$Properties {
            }

            class PlaceResponse {
                constructor(properties?: reservoir.pe.v1.PlaceResponse.$Properties);
                $unknowns?: Uint8Array[];
                assignment: { [k: string]: string };
                unplaced: reservoir.pe.v1.Unplaced.$Properties[];
                policyVersion: number;
                ms: number;
                static create(properties: reservoir.pe.v1.PlaceResponse.$Shape): reservoir.pe.v1.PlaceResponse & reservoir.pe.v1.PlaceResponse.$Shape;
                static create(properties?: reservoir.pe.v1.PlaceResponse.$Properties): reservoir.pe.v1.PlaceResponse;
                static encode(message: reservoir.pe.v1.PlaceResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.pe.v1.PlaceResponse & reservoir.pe.v1.PlaceResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.pe.v1.PlaceResponse;
                static toObject(message: reservoir.pe.v1.PlaceResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace PlaceResponse {
                interface $Properties {
                    assignment?: ({ [k: string]: string }|null);
                    unplaced?: (reservoir.pe.v1.Unplaced.$Properties[]|null);
                    policyVersion?: (number|null);
                    ms?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.pe.v1.PlaceResponse.$Properties;
            }

            interface ISolveRequest extends reservoir.pe.v1.SolveRequest.$Properties {
            }

            class SolveRequest {
                constructor(properties?: reservoir.pe.v1.SolveRequest.$Properties);
                $unknowns?: Uint8Array[];
                instanceJson: string;
                policy: string;
                solver: string;
                timeLimitSeconds: number;
                static create(properties: reservoir.pe.v1.SolveRequest.$Shape): reservoir.pe.v1.SolveRequest & reservoir.pe.v1.SolveRequest.$Shape;
                static create(properties?: reservoir.pe.v1.SolveRequest.$Properties): reservoir.pe.v1.SolveRequest;
                static encode(message: reservoir.pe.v1.SolveRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.pe.v1.SolveRequest & reservoir.pe.v1.SolveRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.pe.v1.SolveRequest;
                static toObject(message: reservoir.pe.v1.SolveRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace SolveRequest {
                interface $Properties {
                    instanceJson?: (string|null);
                    policy?: (string|null);
                    solver?: (string|null);
                    timeLimitSeconds?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.pe.v1.SolveRequest.$Properties;
            }

            interface ISolveResponse extends reservoir.pe.v1.SolveResponse.$Properties {
            }

            class SolveResponse {
                constructor(properties?: reservoir.pe.v1.SolveResponse.$Properties);
                $unknowns?: Uint8Array[];
                resultJson: string;
                static create(properties: reservoir.pe.v1.SolveResponse.$Shape): reservoir.pe.v1.SolveResponse & reservoir.pe.v1.SolveResponse.$Shape;
                static create(properties?: reservoir.pe.v1.SolveResponse.$Properties): reservoir.pe.v1.SolveResponse;
                static encode(message: reservoir.pe.v1.SolveResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.pe.v1.SolveResponse & reservoir.pe.v1.SolveResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.pe.v1.SolveResponse;
                static toObject(message: reservoir.pe.v1.SolveResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace SolveResponse {
                interface $Properties {
                    resultJson?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.pe.v1.SolveResponse.$Properties;
            }

            interface IOptimizeRequest extends reservoir.pe.v1.OptimizeRequest.$Properties {
            }

            class OptimizeRequest {
                constructor(properties?: reservoir.pe.v1.OptimizeRequest.$Properties);
                $unknowns?: Uint8Array[];
                dryRun: boolean;
                static create(properties: reservoir.pe.v1.OptimizeRequest.$Shape): reservoir.pe.v1.OptimizeRequest & reservoir.pe.v1.OptimizeRequest.$Shape;
                static create(properties?: reservoir.pe.v1.OptimizeRequest.$Properties): reservoir.pe.v1.OptimizeRequest;
                static encode(message: reservoir.pe.v1.OptimizeRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.pe.v1.OptimizeRequest & reservoir.pe.v1.OptimizeRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.pe.v1.OptimizeRequest;
                static toObject(message: reservoir.pe.v1.OptimizeRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace OptimizeRequest {
                interface $Properties {
                    dryRun?: (boolean|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.pe.v1.OptimizeRequest.$Properties;
            }

            interface IOptimizeResponse extends reservoir.pe.v1.OptimizeResponse.$Properties {
            }

            class OptimizeResponse {
                constructor(properties?: reservoir.pe.v1.OptimizeResponse.$Properties);
                $unknowns?: Uint8Array[];
                resultJson: string;
                task?: (reservoir.common.v1.Task.$Properties|null);
                static create(properties: reservoir.pe.v1.OptimizeResponse.$Shape): reservoir.pe.v1.OptimizeResponse & reservoir.pe.v1.OptimizeResponse.$Shape;
                static create(properties?: reservoir.pe.v1.OptimizeResponse.$Properties): reservoir.pe.v1.OptimizeResponse;
                static encode(message: reservoir.pe.v1.OptimizeResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.pe.v1.OptimizeResponse & reservoir.pe.v1.OptimizeResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.pe.v1.OptimizeResponse;
                static toObject(message: reservoir.pe.v1.OptimizeResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace OptimizeResponse {
                interface $Properties {
                    resultJson?: (string|null);
                    task?: (reservoir.common.v1.Task.$Properties|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.pe.v1.OptimizeResponse.$Properties;
            }

            interface ISiteVm extends reservoir.pe.v1.SiteVm.$Properties {
            }

            class SiteVm {
                constructor(properties?: reservoir.pe.v1.SiteVm.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                resources?: (reservoir.common.v1.Resources.$Properties|null);
                hypervisor: string;
                diskFormat: string;
                requirements: string[];
                static create(properties: reservoir.pe.v1.SiteVm.$Shape): reservoir.pe.v1.SiteVm & reservoir.pe.v1.SiteVm.$Shape;
                static create(properties?: reservoir.pe.v1.SiteVm.$Properties): reservoir.pe.v1.SiteVm;
                static encode(message: reservoir.pe.v1.SiteVm.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.pe.v1.SiteVm & reservoir.pe.v1.SiteVm.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.pe.v1.SiteVm;
                static toObject(message: reservoir.pe.v1.SiteVm, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace SiteVm {
                interface $Properties {
                    id?: (string|null);
                    resources?: (reservoir.common.v1.Resources.$Properties|null);
                    hypervisor?: (string|null);
                    diskFormat?: (string|null);
                    requirements?: (string[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.pe.v1.SiteVm.$Properties;
            }

            interface ISiteHostOffer extends reservoir.pe.v1.SiteHostOffer.$Properties {
            }

            class SiteHostOffer {
                constructor(properties?: reservoir.pe.v1.SiteHostOffer.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                profile?: (reservoir.common.v1.CapabilityProfile.$Properties|null);
                free?: (reservoir.common.v1.Resources.$Properties|null);
                count: number;
                static create(properties: reservoir.pe.v1.SiteHostOffer.$Shape): reservoir.pe.v1.SiteHostOffer & reservoir.pe.v1.SiteHostOffer.$Shape;
                static create(properties?: reservoir.pe.v1.SiteHostOffer.$Properties): reservoir.pe.v1.SiteHostOffer;
                static encode(message: reservoir.pe.v1.SiteHostOffer.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.pe.v1.SiteHostOffer & reservoir.pe.v1.SiteHostOffer.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.pe.v1.SiteHostOffer;
                static toObject(message: reservoir.pe.v1.SiteHostOffer, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace SiteHostOffer {
                interface $Properties {
                    id?: (string|null);
                    profile?: (reservoir.common.v1.CapabilityProfile.$Properties|null);
                    free?: (reservoir.common.v1.Resources.$Properties|null);
                    count?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.pe.v1.SiteHostOffer.$Properties;
            }

            interface ISitePrice extends reservoir.pe.v1.SitePrice.$Properties {
            }

            class SitePrice {
                constructor(properties?: reservoir.pe.v1.SitePrice.$Properties);
                $unknowns?: Uint8Array[];
                perVcpuHour: number;
                perMemoryGibHour: number;
                static create(properties: reservoir.pe.v1.SitePrice.$Shape): reservoir.pe.v1.SitePrice & reservoir.pe.v1.SitePrice.$Shape;
                static create(properties?: reservoir.pe.v1.SitePrice.$Properties): reservoir.pe.v1.SitePrice;
                static encode(message: reservoir.pe.v1.SitePrice.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.pe.v1.SitePrice & reservoir.pe.v1.SitePrice.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.pe.v1.SitePrice;
                static toObject(message: reservoir.pe.v1.SitePrice, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace SitePrice {
                interface $Properties {
                    perVcpuHour?: (number|null);
                    perMemoryGibHour?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.pe.v1.SitePrice.$Properties;
            }

            interface ISiteOffer extends reservoir.pe.v1.SiteOffer.$Properties {
            }

            class SiteOffer {
                constructor(properties?: reservoir.pe.v1.SiteOffer.$Properties);
                $unknowns?: Uint8Array[];
                site: string;
                local: boolean;
                country: string;
                hypervisors: string[];
                hosts: reservoir.pe.v1.SiteHostOffer.$Properties[];
                price?: (reservoir.pe.v1.SitePrice.$Properties|null);
                utilization?: (number|null);
                agreementCap?: (reservoir.common.v1.Resources.$Properties|null);
                agreementUsed?: (reservoir.common.v1.Resources.$Properties|null);
                static create(properties: reservoir.pe.v1.SiteOffer.$Shape): reservoir.pe.v1.SiteOffer & reservoir.pe.v1.SiteOffer.$Shape;
                static create(properties?: reservoir.pe.v1.SiteOffer.$Properties): reservoir.pe.v1.SiteOffer;
                static encode(message: reservoir.pe.v1.SiteOffer.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.pe.v1.SiteOffer & reservoir.pe.v1.SiteOffer.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.pe.v1.SiteOffer;
                static toObject(message: reservoir.pe.v1.SiteOffer, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace SiteOffer {
                interface $Properties {
                    site?: (string|null);
                    local?: (boolean|null);
                    country?: (string|null);
                    hypervisors?: (string[]|null);
                    hosts?: (reservoir.pe.v1.SiteHostOffer.$Properties[]|null);
                    price?: (reservoir.pe.v1.SitePrice.$Properties|null);
                    utilization?: (number|null);
                    agreementCap?: (reservoir.common.v1.Resources.$Properties|null);
                    agreementUsed?: (reservoir.common.v1.Resources.$Properties|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.pe.v1.SiteOffer.$Properties;
            }

            interface ISiteConstraints extends reservoir.pe.v1.SiteConstraints.$Properties {
            }

            class SiteConstraints {
                constructor(properties?: reservoir.pe.v1.SiteConstraints.$Properties);
                $unknowns?: Uint8Array[];
                allowedCountries: string[];
                forbiddenSites: string[];
                requiredSites: string[];
                maxPricePerHour?: (number|null);
                allowSplit: boolean;
                static create(properties: reservoir.pe.v1.SiteConstraints.$Shape): reservoir.pe.v1.SiteConstraints & reservoir.pe.v1.SiteConstraints.$Shape;
                static create(properties?: reservoir.pe.v1.SiteConstraints.$Properties): reservoir.pe.v1.SiteConstraints;
                static encode(message: reservoir.pe.v1.SiteConstraints.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.pe.v1.SiteConstraints & reservoir.pe.v1.SiteConstraints.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.pe.v1.SiteConstraints;
                static toObject(message: reservoir.pe.v1.SiteConstraints, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace SiteConstraints {
                interface $Properties {
                    allowedCountries?: (string[]|null);
                    forbiddenSites?: (string[]|null);
                    requiredSites?: (string[]|null);
                    maxPricePerHour?: (number|null);
                    allowSplit?: (boolean|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.pe.v1.SiteConstraints.$Properties;
            }

            interface ISiteWeights extends reservoir.pe.v1.SiteWeights.$Properties {
            }

            class SiteWeights {
                constructor(properties?: reservoir.pe.v1.SiteWeights.$Properties);
                $unknowns?: Uint8Array[];
                cost: number;
                locality: number;
                balance: number;
                static create(properties: reservoir.pe.v1.SiteWeights.$Shape): reservoir.pe.v1.SiteWeights & reservoir.pe.v1.SiteWeights.$Shape;
                static create(properties?: reservoir.pe.v1.SiteWeights.$Properties): reservoir.pe.v1.SiteWeights;
                static encode(message: reservoir.pe.v1.SiteWeights.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.pe.v1.SiteWeights & reservoir.pe.v1.SiteWeights.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.pe.v1.SiteWeights;
                static toObject(message: reservoir.pe.v1.SiteWeights, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace SiteWeights {
                interface $Properties {
                    cost?: (number|null);
                    locality?: (number|null);
                    balance?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.pe.v1.SiteWeights.$Properties;
            }

            interface IChooseSiteRequest extends reservoir.pe.v1.ChooseSiteRequest.$Properties {
            }

            class ChooseSiteRequest {
                constructor(properties?: reservoir.pe.v1.ChooseSiteRequest.$Properties);
                $unknowns?: Uint8Array[];
                vms: reservoir.pe.v1.SiteVm.$Properties[];
                constraints?: (reservoir.pe.v1.SiteConstraints.$Properties|null);
                offers: reservoir.pe.v1.SiteOffer.$Properties[];
                weights?: (reservoir.pe.v1.SiteWeights.$Properties|null);
                static create(properties: reservoir.pe.v1.ChooseSiteRequest.$Shape): reservoir.pe.v1.ChooseSiteRequest & reservoir.pe.v1.ChooseSiteRequest.$Shape;
                static create(properties?: reservoir.pe.v1.ChooseSiteRequest.$Properties): reservoir.pe.v1.ChooseSiteRequest;
                static encode(message: reservoir.pe.v1.ChooseSiteRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.pe.v1.ChooseSiteRequest & reservoir.pe.v1.ChooseSiteRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.pe.v1.ChooseSiteRequest;
                static toObject(message: reservoir.pe.v1.ChooseSiteRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ChooseSiteRequest {
                interface $Properties {
                    vms?: (reservoir.pe.v1.SiteVm.$Properties[]|null);
                    constraints?: (reservoir.pe.v1.SiteConstraints.$Properties|null);
                    offers?: (reservoir.pe.v1.SiteOffer.$Properties[]|null);
                    weights?: (reservoir.pe.v1.SiteWeights.$Properties|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.pe.v1.ChooseSiteRequest.$Properties;
            }

            interface ISiteReason extends reservoir.pe.v1.SiteReason.$Properties {
            }

            class SiteReason {
                constructor(properties?: reservoir.pe.v1.SiteReason.$Properties);
                $unknowns?: Uint8Array[];
                site: string;
                constraint: string;
                vm: string;
                message: string;
                static create(properties: reservoir.pe.v1.SiteReason.$Shape): reservoir.pe.v1.SiteReason & reservoir.pe.v1.SiteReason.$Shape;
                static create(properties?: reservoir.pe.v1.SiteReason.$Properties): reservoir.pe.v1.SiteReason;
                static encode(message: reservoir.pe.v1.SiteReason.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.pe.v1.SiteReason & reservoir.pe.v1.SiteReason.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.pe.v1.SiteReason;
                static toObject(message: reservoir.pe.v1.SiteReason, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace SiteReason {
                interface $Properties {
                    site?: (string|null);
                    constraint?: (string|null);
                    vm?: (string|null);
                    message?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.pe.v1.SiteReason.$Properties;
            }

            interface ISiteScore extends reservoir.pe.v1.SiteScore.$Properties {
            }

            class SiteScore {
                constructor(properties?: reservoir.pe.v1.SiteScore.$Properties);
                $unknowns?: Uint8Array[];
                site: string;
                local: boolean;
                score: number;
                costPerHour: number;
                costScore: number;
                loadAfter: number;
                balanceScore: number;
                locality: number;
                shortfall: reservoir.pe.v1.SiteReason.$Properties[];
                static create(properties: reservoir.pe.v1.SiteScore.$Shape): reservoir.pe.v1.SiteScore & reservoir.pe.v1.SiteScore.$Shape;
                static create(properties?: reservoir.pe.v1.SiteScore.$Properties): reservoir.pe.v1.SiteScore;
                static encode(message: reservoir.pe.v1.SiteScore.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.pe.v1.SiteScore & reservoir.pe.v1.SiteScore.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.pe.v1.SiteScore;
                static toObject(message: reservoir.pe.v1.SiteScore, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace SiteScore {
                interface $Properties {
                    site?: (string|null);
                    local?: (boolean|null);
                    score?: (number|null);
                    costPerHour?: (number|null);
                    costScore?: (number|null);
                    loadAfter?: (number|null);
                    balanceScore?: (number|null);
                    locality?: (number|null);
                    shortfall?: (reservoir.pe.v1.SiteReason.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.pe.v1.SiteScore.$Properties;
            }

            interface ISiteRejection extends reservoir.pe.v1.SiteRejection.$Properties {
            }

            class SiteRejection {
                constructor(properties?: reservoir.pe.v1.SiteRejection.$Properties);
                $unknowns?: Uint8Array[];
                site: string;
                reasons: reservoir.pe.v1.SiteReason.$Properties[];
                static create(properties: reservoir.pe.v1.SiteRejection.$Shape): reservoir.pe.v1.SiteRejection & reservoir.pe.v1.SiteRejection.$Shape;
                static create(properties?: reservoir.pe.v1.SiteRejection.$Properties): reservoir.pe.v1.SiteRejection;
                static encode(message: reservoir.pe.v1.SiteRejection.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.pe.v1.SiteRejection & reservoir.pe.v1.SiteRejection.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.pe.v1.SiteRejection;
                static toObject(message: reservoir.pe.v1.SiteRejection, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace SiteRejection {
                interface $Properties {
                    site?: (string|null);
                    reasons?: (reservoir.pe.v1.SiteReason.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.pe.v1.SiteRejection.$Properties;
            }

            interface ISitePart extends reservoir.pe.v1.SitePart.$Properties {
            }

            class SitePart {
                constructor(properties?: reservoir.pe.v1.SitePart.$Properties);
                $unknowns?: Uint8Array[];
                site: string;
                vms: string[];
                costPerHour: number;
                loadAfter: number;
                static create(properties: reservoir.pe.v1.SitePart.$Shape): reservoir.pe.v1.SitePart & reservoir.pe.v1.SitePart.$Shape;
                static create(properties?: reservoir.pe.v1.SitePart.$Properties): reservoir.pe.v1.SitePart;
                static encode(message: reservoir.pe.v1.SitePart.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.pe.v1.SitePart & reservoir.pe.v1.SitePart.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.pe.v1.SitePart;
                static toObject(message: reservoir.pe.v1.SitePart, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace SitePart {
                interface $Properties {
                    site?: (string|null);
                    vms?: (string[]|null);
                    costPerHour?: (number|null);
                    loadAfter?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.pe.v1.SitePart.$Properties;
            }

            interface IUnassignedVm extends reservoir.pe.v1.UnassignedVm.$Properties {
            }

            class UnassignedVm {
                constructor(properties?: reservoir.pe.v1.UnassignedVm.$Properties);
                $unknowns?: Uint8Array[];
                vm: string;
                reasons: reservoir.pe.v1.SiteReason.$Properties[];
                static create(properties: reservoir.pe.v1.UnassignedVm.$Shape): reservoir.pe.v1.UnassignedVm & reservoir.pe.v1.UnassignedVm.$Shape;
                static create(properties?: reservoir.pe.v1.UnassignedVm.$Properties): reservoir.pe.v1.UnassignedVm;
                static encode(message: reservoir.pe.v1.UnassignedVm.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.pe.v1.UnassignedVm & reservoir.pe.v1.UnassignedVm.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.pe.v1.UnassignedVm;
                static toObject(message: reservoir.pe.v1.UnassignedVm, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace UnassignedVm {
                interface $Properties {
                    vm?: (string|null);
                    reasons?: (reservoir.pe.v1.SiteReason.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.pe.v1.UnassignedVm.$Properties;
            }

            interface IChooseSiteResponse extends reservoir.pe.v1.ChooseSiteResponse.$Properties {
            }

            class ChooseSiteResponse {
                constructor(properties?: reservoir.pe.v1.ChooseSiteResponse.$Properties);
                $unknowns?: Uint8Array[];
                site: string;
                ranking: reservoir.pe.v1.SiteScore.$Properties[];
                rejected: reservoir.pe.v1.SiteRejection.$Properties[];
                assignment: { [k: string]: string };
                parts: reservoir.pe.v1.SitePart.$Properties[];
                unassigned: reservoir.pe.v1.UnassignedVm.$Properties[];
                static create(properties: reservoir.pe.v1.ChooseSiteResponse.$Shape): reservoir.pe.v1.ChooseSiteResponse & reservoir.pe.v1.ChooseSiteResponse.$Shape;
                static create(properties?: reservoir.pe.v1.ChooseSiteResponse.$Properties): reservoir.pe.v1.ChooseSiteResponse;
                static encode(message: reservoir.pe.v1.ChooseSiteResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.pe.v1.ChooseSiteResponse & reservoir.pe.v1.ChooseSiteResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.pe.v1.ChooseSiteResponse;
                static toObject(message: reservoir.pe.v1.ChooseSiteResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ChooseSiteResponse {
                interface $Properties {
                    site?: (string|null);
                    ranking?: (reservoir.pe.v1.SiteScore.$Properties[]|null);
                    rejected?: (reservoir.pe.v1.SiteRejection.$Properties[]|null);
                    assignment?: ({ [k: string]: string }|null);
                    parts?: (reservoir.pe.v1.SitePart.$Properties[]|null);
                    unassigned?: (reservoir.pe.v1.UnassignedVm.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.pe.v1.ChooseSiteResponse.$Properties;
            }

            class PolicyService extends $protobuf.rpc.Service {
                constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);
                static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): PolicyService;
                getPolicy: reservoir.pe.v1.PolicyService.GetPolicy;
                setPolicy: reservoir.pe.v1.PolicyService.SetPolicy;
                place: reservoir.pe.v1.PolicyService.Place;
                solve: reservoir.pe.v1.PolicyService.Solve;
                optimize: reservoir.pe.v1.PolicyService.Optimize;
                chooseSite: reservoir.pe.v1.PolicyService.ChooseSite;
            }

            namespace PolicyService {
                type GetPolicyCallback = (error: (Error|null), response?: reservoir.pe.v1.Policy) => void;
                type GetPolicy = {
                  (request: reservoir.pe.v1.IGetPolicyRequest, callback: reservoir.pe.v1.PolicyService.GetPolicyCallback): void;
                  (request: reservoir.pe.v1.IGetPolicyRequest): Promise<reservoir.pe.v1.Policy>;
                  readonly name: "GetPolicy";
                  readonly path: "/reservoir.pe.v1.PolicyService/GetPolicy";
                  readonly requestType: "GetPolicyRequest";
                  readonly responseType: "Policy";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type SetPolicyCallback = (error: (Error|null), response?: reservoir.pe.v1.Policy) => void;
                type SetPolicy = {
                  (request: reservoir.pe.v1.ISetPolicyRequest, callback: reservoir.pe.v1.PolicyService.SetPolicyCallback): void;
                  (request: reservoir.pe.v1.ISetPolicyRequest): Promise<reservoir.pe.v1.Policy>;
                  readonly name: "SetPolicy";
                  readonly path: "/reservoir.pe.v1.PolicyService/SetPolicy";
                  readonly requestType: "SetPolicyRequest";
                  readonly responseType: "Policy";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type PlaceCallback = (error: (Error|null), response?: reservoir.pe.v1.PlaceResponse) => void;
                type Place = {
                  (request: reservoir.pe.v1.IPlaceRequest, callback: reservoir.pe.v1.PolicyService.PlaceCallback): void;
                  (request: reservoir.pe.v1.IPlaceRequest): Promise<reservoir.pe.v1.PlaceResponse>;
                  readonly name: "Place";
                  readonly path: "/reservoir.pe.v1.PolicyService/Place";
                  readonly requestType: "PlaceRequest";
                  readonly responseType: "PlaceResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type SolveCallback = (error: (Error|null), response?: reservoir.pe.v1.SolveResponse) => void;
                type Solve = {
                  (request: reservoir.pe.v1.ISolveRequest, callback: reservoir.pe.v1.PolicyService.SolveCallback): void;
                  (request: reservoir.pe.v1.ISolveRequest): Promise<reservoir.pe.v1.SolveResponse>;
                  readonly name: "Solve";
                  readonly path: "/reservoir.pe.v1.PolicyService/Solve";
                  readonly requestType: "SolveRequest";
                  readonly responseType: "SolveResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type OptimizeCallback = (error: (Error|null), response?: reservoir.pe.v1.OptimizeResponse) => void;
                type Optimize = {
                  (request: reservoir.pe.v1.IOptimizeRequest, callback: reservoir.pe.v1.PolicyService.OptimizeCallback): void;
                  (request: reservoir.pe.v1.IOptimizeRequest): Promise<reservoir.pe.v1.OptimizeResponse>;
                  readonly name: "Optimize";
                  readonly path: "/reservoir.pe.v1.PolicyService/Optimize";
                  readonly requestType: "OptimizeRequest";
                  readonly responseType: "OptimizeResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ChooseSiteCallback = (error: (Error|null), response?: reservoir.pe.v1.ChooseSiteResponse) => void;
                type ChooseSite = {
                  (request: reservoir.pe.v1.IChooseSiteRequest, callback: reservoir.pe.v1.PolicyService.ChooseSiteCallback): void;
                  (request: reservoir.pe.v1.IChooseSiteRequest): Promise<reservoir.pe.v1.ChooseSiteResponse>;
                  readonly name: "ChooseSite";
                  readonly path: "/reservoir.pe.v1.PolicyService/ChooseSite";
                  readonly requestType: "ChooseSiteRequest";
                  readonly responseType: "ChooseSiteResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
            }
        }
    }

    namespace security {

        namespace v1 {

            interface IRoleGrant extends reservoir.security.v1.RoleGrant.$Properties {
            }

            class RoleGrant {
                constructor(properties?: reservoir.security.v1.RoleGrant.$Properties);
                $unknowns?: Uint8Array[];
                role: string;
                organization: string;
                static create(properties: reservoir.security.v1.RoleGrant.$Shape): reservoir.security.v1.RoleGrant & reservoir.security.v1.RoleGrant.$Shape;
                static create(properties?: reservoir.security.v1.RoleGrant.$Properties): reservoir.security.v1.RoleGrant;
                static encode(message: reservoir.security.v1.RoleGrant.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.RoleGrant & reservoir.security.v1.RoleGrant.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.RoleGrant;
                static toObject(message: reservoir.security.v1.RoleGrant, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace RoleGrant {
                interface $Properties {
                    role?: (string|null);
                    organization?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.RoleGrant.$Properties;
            }

            interface IPrincipal extends reservoir.security.v1.Principal.$Properties {
            }

            class Principal {
                constructor(properties?: reservoir.security.v1.Principal.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                kind: string;
                organization: string;
                roles: reservoir.security.v1.RoleGrant.$Properties[];
                credentialType: string;
                credentialExpiresAtMs: number;
                static create(properties: reservoir.security.v1.Principal.$Shape): reservoir.security.v1.Principal & reservoir.security.v1.Principal.$Shape;
                static create(properties?: reservoir.security.v1.Principal.$Properties): reservoir.security.v1.Principal;
                static encode(message: reservoir.security.v1.Principal.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.Principal & reservoir.security.v1.Principal.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.Principal;
                static toObject(message: reservoir.security.v1.Principal, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace Principal {
                interface $Properties {
                    id?: (string|null);
                    kind?: (string|null);
                    organization?: (string|null);
                    roles?: (reservoir.security.v1.RoleGrant.$Properties[]|null);
                    credentialType?: (string|null);
                    credentialExpiresAtMs?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.Principal.$Properties;
            }

            interface ILoginRequest extends reservoir.security.v1.LoginRequest.$Properties {
            }

            class LoginRequest {
                constructor(properties?: reservoir.security.v1.LoginRequest.$Properties);
                $unknowns?: Uint8Array[];
                organization: string;
                user: string;
                password: string;
                static create(properties: reservoir.security.v1.LoginRequest.$Shape): reservoir.security.v1.LoginRequest & reservoir.security.v1.LoginRequest.$Shape;
                static create(properties?: reservoir.security.v1.LoginRequest.$Properties): reservoir.security.v1.LoginRequest;
                static encode(message: reservoir.security.v1.LoginRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.LoginRequest & reservoir.security.v1.LoginRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.LoginRequest;
                static toObject(message: reservoir.security.v1.LoginRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace LoginRequest {
                interface $Properties {
                    organization?: (string|null);
                    user?: (string|null);
                    password?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.LoginRequest.$Properties;
            }

            interface ILoginResponse extends reservoir.security.v1.LoginResponse.$Properties {
            }

            class LoginResponse {
                constructor(properties?: reservoir.security.v1.LoginResponse.$Properties);
                $unknowns?: Uint8Array[];
                token: string;
                expiresAtMs: number;
                principal?: (reservoir.security.v1.Principal.$Properties|null);
                mustChangePassword: boolean;
                static create(properties: reservoir.security.v1.LoginResponse.$Shape): reservoir.security.v1.LoginResponse & reservoir.security.v1.LoginResponse.$Shape;
                static create(properties?: reservoir.security.v1.LoginResponse.$Properties): reservoir.security.v1.LoginResponse;
                static encode(message: reservoir.security.v1.LoginResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.LoginResponse & reservoir.security.v1.LoginResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.LoginResponse;
                static toObject(message: reservoir.security.v1.LoginResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace LoginResponse {
                interface $Properties {
                    token?: (string|null);
                    expiresAtMs?: (number|null);
                    principal?: (reservoir.security.v1.Principal.$Properties|null);
                    mustChangePassword?: (boolean|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.LoginResponse.$Properties;
            }

            interface ILogoutRequest extends reservoir.security.v1.LogoutRequest.$Properties {
            }

            class LogoutRequest {
                constructor(properties?: reservoir.security.v1.LogoutRequest.$Properties);
                $unknowns?: Uint8Array[];
                static create(properties: reservoir.security.v1.LogoutRequest.$Shape): reservoir.security.v1.LogoutRequest & reservoir.security.v1.LogoutRequest.$Shape;
                static create(properties?: reservoir.security.v1.LogoutRequest.$Properties): reservoir.security.v1.LogoutRequest;
                static encode(message: reservoir.security.v1.LogoutRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.LogoutRequest & reservoir.security.v1.LogoutRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.LogoutRequest;
                static toObject(message: reservoir.security.v1.LogoutRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace LogoutRequest {
                interface $Properties {
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.LogoutRequest.$Properties;
            }

            interface ILogoutResponse extends reservoir.security.v1.LogoutResponse.$Properties {
            }

            class LogoutResponse {
                constructor(properties?: reservoir.security.v1.LogoutResponse.$Properties);
                $unknowns?: Uint8Array[];
                static create(properties: reservoir.security.v1.LogoutResponse.$Shape): reservoir.security.v1.LogoutResponse & reservoir.security.v1.LogoutResponse.$Shape;
                static create(properties?: reservoir.security.v1.LogoutResponse.$Properties): reservoir.security.v1.LogoutResponse;
                static encode(message: reservoir.security.v1.LogoutResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.LogoutResponse & reservoir.security.v1.LogoutResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.LogoutResponse;
                static toObject(message: reservoir.security.v1.LogoutResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace LogoutResponse {
                interface $Properties {
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.LogoutResponse.$Properties;
            }

            interface IWhoAmIRequest extends reservoir.security.v1.WhoAmIRequest.$Properties {
            }

            class WhoAmIRequest {
                constructor(properties?: reservoir.security.v1.WhoAmIRequest.$Properties);
                $unknowns?: Uint8Array[];
                static create(properties: reservoir.security.v1.WhoAmIRequest.$Shape): reservoir.security.v1.WhoAmIRequest & reservoir.security.v1.WhoAmIRequest.$Shape;
                static create(properties?: reservoir.security.v1.WhoAmIRequest.$Properties): reservoir.security.v1.WhoAmIRequest;
                static encode(message: reservoir.security.v1.WhoAmIRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.WhoAmIRequest & reservoir.security.v1.WhoAmIRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.WhoAmIRequest;
                static toObject(message: reservoir.security.v1.WhoAmIRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace WhoAmIRequest {
                interface $Properties {
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.WhoAmIRequest.$Properties;
            }

            interface IChangePasswordRequest extends reservoir.security.v1.ChangePasswordRequest.$Properties {
            }

            class ChangePasswordRequest {
                constructor(properties?: reservoir.security.v1.ChangePasswordRequest.$Properties);
                $unknowns?: Uint8Array[];
                currentPassword: string;
                newPassword: string;
                static create(properties: reservoir.security.v1.ChangePasswordRequest.$Shape): reservoir.security.v1.ChangePasswordRequest & reservoir.security.v1.ChangePasswordRequest.$Shape;
                static create(properties?: reservoir.security.v1.ChangePasswordRequest.$Properties): reservoir.security.v1.ChangePasswordRequest;
                static encode(message: reservoir.security.v1.ChangePasswordRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.ChangePasswordRequest & reservoir.security.v1.ChangePasswordRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.ChangePasswordRequest;
                static toObject(message: reservoir.security.v1.ChangePasswordRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ChangePasswordRequest {
                interface $Properties {
                    currentPassword?: (string|null);
                    newPassword?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.ChangePasswordRequest.$Properties;
            }

            interface IChangePasswordResponse extends reservoir.security.v1.ChangePasswordResponse.$Properties {
            }

            class ChangePasswordResponse {
                constructor(properties?: reservoir.security.v1.ChangePasswordResponse.$Properties);
                $unknowns?: Uint8Array[];
                static create(properties: reservoir.security.v1.ChangePasswordResponse.$Shape): reservoir.security.v1.ChangePasswordResponse & reservoir.security.v1.ChangePasswordResponse.$Shape;
                static create(properties?: reservoir.security.v1.ChangePasswordResponse.$Properties): reservoir.security.v1.ChangePasswordResponse;
                static encode(message: reservoir.security.v1.ChangePasswordResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.ChangePasswordResponse & reservoir.security.v1.ChangePasswordResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.ChangePasswordResponse;
                static toObject(message: reservoir.security.v1.ChangePasswordResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ChangePasswordResponse {
                interface $Properties {
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.ChangePasswordResponse.$Properties;
            }

            interface IQuotas extends reservoir.security.v1.Quotas.$Properties {
            }

            class Quotas {
                constructor(properties?: reservoir.security.v1.Quotas.$Properties);
                $unknowns?: Uint8Array[];
                vms?: (number|null);
                vcpus?: (number|null);
                memoryMib?: (number|null);
                services?: (number|null);
                static create(properties: reservoir.security.v1.Quotas.$Shape): reservoir.security.v1.Quotas & reservoir.security.v1.Quotas.$Shape;
                static create(properties?: reservoir.security.v1.Quotas.$Properties): reservoir.security.v1.Quotas;
                static encode(message: reservoir.security.v1.Quotas.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.Quotas & reservoir.security.v1.Quotas.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.Quotas;
                static toObject(message: reservoir.security.v1.Quotas, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace Quotas {
                interface $Properties {
                    vms?: (number|null);
                    vcpus?: (number|null);
                    memoryMib?: (number|null);
                    services?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.Quotas.$Properties;
            }

            interface IOrganization extends reservoir.security.v1.Organization.$Properties {
            }

            class Organization {
                constructor(properties?: reservoir.security.v1.Organization.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                name: string;
                state: string;
                requireSignedOvf: boolean;
                quotas?: (reservoir.security.v1.Quotas.$Properties|null);
                createdAtMs: number;
                updatedAtMs: number;
                static create(properties: reservoir.security.v1.Organization.$Shape): reservoir.security.v1.Organization & reservoir.security.v1.Organization.$Shape;
                static create(properties?: reservoir.security.v1.Organization.$Properties): reservoir.security.v1.Organization;
                static encode(message: reservoir.security.v1.Organization.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.Organization & reservoir.security.v1.Organization.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.Organization;
                static toObject(message: reservoir.security.v1.Organization, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace Organization {
                interface $Properties {
                    id?: (string|null);
                    name?: (string|null);
                    state?: (string|null);
                    requireSignedOvf?: (boolean|null);
                    quotas?: (reservoir.security.v1.Quotas.$Properties|null);
                    createdAtMs?: (number|null);
                    updatedAtMs?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.Organization.$Properties;
            }

            interface ICreateOrganizationRequest extends reservoir.security.v1.CreateOrganizationRequest.$Properties {
            }

            class CreateOrganizationRequest {
                constructor(properties?: reservoir.security.v1.CreateOrganizationRequest.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                name: string;
                requireSignedOvf: boolean;
                quotas?: (reservoir.security.v1.Quotas.$Properties|null);
                static create(properties: reservoir.security.v1.CreateOrganizationRequest.$Shape): reservoir.security.v1.CreateOrganizationRequest & reservoir.security.v1.CreateOrganizationRequest.$Shape;
                static create(properties?: reservoir.security.v1.CreateOrganizationRequest.$Properties): reservoir.security.v1.CreateOrganizationRequest;
                static encode(message: reservoir.security.v1.CreateOrganizationRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.CreateOrganizationRequest & reservoir.security.v1.CreateOrganizationRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.CreateOrganizationRequest;
                static toObject(message: reservoir.security.v1.CreateOrganizationRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace CreateOrganizationRequest {
                interface $Properties {
                    id?: (string|null);
                    name?: (string|null);
                    requireSignedOvf?: (boolean|null);
                    quotas?: (reservoir.security.v1.Quotas.$Properties|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.CreateOrganizationRequest.$Properties;
            }

            interface IGetOrganizationRequest extends reservoir.security.v1.GetOrganizationRequest.$Properties {
            }

            class GetOrganizationRequest {
                constructor(properties?: reservoir.security.v1.GetOrganizationRequest.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                static create(properties: reservoir.security.v1.GetOrganizationRequest.$Shape): reservoir.security.v1.GetOrganizationRequest & reservoir.security.v1.GetOrganizationRequest.$Shape;
                static create(properties?: reservoir.security.v1.GetOrganizationRequest.$Properties): reservoir.security.v1.GetOrganizationRequest;
                static encode(message: reservoir.security.v1.GetOrganizationRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.GetOrganizationRequest & reservoir.security.v1.GetOrganizationRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.GetOrganizationRequest;
                static toObject(message: reservoir.security.v1.GetOrganizationRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace GetOrganizationRequest {
                interface $Properties {
                    id?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.GetOrganizationRequest.$Properties;
            }

            interface IListOrganizationsRequest extends reservoir.security.v1.ListOrganizationsRequest.$Properties {
            }

            class ListOrganizationsRequest {
                constructor(properties?: reservoir.security.v1.ListOrganizationsRequest.$Properties);
                $unknowns?: Uint8Array[];
                static create(properties: reservoir.security.v1.ListOrganizationsRequest.$Shape): reservoir.security.v1.ListOrganizationsRequest & reservoir.security.v1.ListOrganizationsRequest.$Shape;
                static create(properties?: reservoir.security.v1.ListOrganizationsRequest.$Properties): reservoir.security.v1.ListOrganizationsRequest;
                static encode(message: reservoir.security.v1.ListOrganizationsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.ListOrganizationsRequest & reservoir.security.v1.ListOrganizationsRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.ListOrganizationsRequest;
                static toObject(message: reservoir.security.v1.ListOrganizationsRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListOrganizationsRequest {
                interface $Properties {
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.ListOrganizationsRequest.$Properties;
            }

            interface IListOrganizationsResponse extends reservoir.security.v1.ListOrganizationsResponse.$Properties {
            }

            class ListOrganizationsResponse {
                constructor(properties?: reservoir.security.v1.ListOrganizationsResponse.$Properties);
                $unknowns?: Uint8Array[];
                organizations: reservoir.security.v1.Organization.$Properties[];
                static create(properties: reservoir.security.v1.ListOrganizationsResponse.$Shape): reservoir.security.v1.ListOrganizationsResponse & reservoir.security.v1.ListOrganizationsResponse.$Shape;
                static create(properties?: reservoir.security.v1.ListOrganizationsResponse.$Properties): reservoir.security.v1.ListOrganizationsResponse;
                static encode(message: reservoir.security.v1.ListOrganizationsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.ListOrganizationsResponse & reservoir.security.v1.ListOrganizationsResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.ListOrganizationsResponse;
                static toObject(message: reservoir.security.v1.ListOrganizationsResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListOrganizationsResponse {
                interface $Properties {
                    organizations?: (reservoir.security.v1.Organization.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.ListOrganizationsResponse.$Properties;
            }

            interface IUpdateOrganizationRequest extends reservoir.security.v1.UpdateOrganizationRequest.$Properties {
            }

            class UpdateOrganizationRequest {
                constructor(properties?: reservoir.security.v1.UpdateOrganizationRequest.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                name?: (string|null);
                state?: (string|null);
                requireSignedOvf?: (boolean|null);
                quotas?: (reservoir.security.v1.Quotas.$Properties|null);
                static create(properties: reservoir.security.v1.UpdateOrganizationRequest.$Shape): reservoir.security.v1.UpdateOrganizationRequest & reservoir.security.v1.UpdateOrganizationRequest.$Shape;
                static create(properties?: reservoir.security.v1.UpdateOrganizationRequest.$Properties): reservoir.security.v1.UpdateOrganizationRequest;
                static encode(message: reservoir.security.v1.UpdateOrganizationRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.UpdateOrganizationRequest & reservoir.security.v1.UpdateOrganizationRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.UpdateOrganizationRequest;
                static toObject(message: reservoir.security.v1.UpdateOrganizationRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace UpdateOrganizationRequest {
                interface $Properties {
                    id?: (string|null);
                    name?: (string|null);
                    state?: (string|null);
                    requireSignedOvf?: (boolean|null);
                    quotas?: (reservoir.security.v1.Quotas.$Properties|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.UpdateOrganizationRequest.$Properties;
            }

            interface IUser extends reservoir.security.v1.User.$Properties {
            }

            class User {
                constructor(properties?: reservoir.security.v1.User.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                organization: string;
                name: string;
                state: string;
                roles: reservoir.security.v1.RoleGrant.$Properties[];
                mustChangePassword: boolean;
                createdAtMs: number;
                updatedAtMs: number;
                static create(properties: reservoir.security.v1.User.$Shape): reservoir.security.v1.User & reservoir.security.v1.User.$Shape;
                static create(properties?: reservoir.security.v1.User.$Properties): reservoir.security.v1.User;
                static encode(message: reservoir.security.v1.User.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.User & reservoir.security.v1.User.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.User;
                static toObject(message: reservoir.security.v1.User, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace User {
                interface $Properties {
                    id?: (string|null);
                    organization?: (string|null);
                    name?: (string|null);
                    state?: (string|null);
                    roles?: (reservoir.security.v1.RoleGrant.$Properties[]|null);
                    mustChangePassword?: (boolean|null);
                    createdAtMs?: (number|null);
                    updatedAtMs?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.User.$Properties;
            }

            interface ICreateUserRequest extends reservoir.security.v1.CreateUserRequest.$Properties {
            }

            class CreateUserRequest {
                constructor(properties?: reservoir.security.v1.CreateUserRequest.$Properties);
                $unknowns?: Uint8Array[];
                organization: string;
                id: string;
                name: string;
                roles: reservoir.security.v1.RoleGrant.$Properties[];
                password: string;
                mustChangePassword: boolean;
                static create(properties: reservoir.security.v1.CreateUserRequest.$Shape): reservoir.security.v1.CreateUserRequest & reservoir.security.v1.CreateUserRequest.$Shape;
                static create(properties?: reservoir.security.v1.CreateUserRequest.$Properties): reservoir.security.v1.CreateUserRequest;
                static encode(message: reservoir.security.v1.CreateUserRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.CreateUserRequest & reservoir.security.v1.CreateUserRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.CreateUserRequest;
                static toObject(message: reservoir.security.v1.CreateUserRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace CreateUserRequest {
                interface $Properties {
                    organization?: (string|null);
                    id?: (string|null);
                    name?: (string|null);
                    roles?: (reservoir.security.v1.RoleGrant.$Properties[]|null);
                    password?: (string|null);
                    mustChangePassword?: (boolean|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.CreateUserRequest.$Properties;
            }

            interface IGetUserRequest extends reservoir.security.v1.GetUserRequest.$Properties {
            }

            class GetUserRequest {
                constructor(properties?: reservoir.security.v1.GetUserRequest.$Properties);
                $unknowns?: Uint8Array[];
                organization: string;
                id: string;
                static create(properties: reservoir.security.v1.GetUserRequest.$Shape): reservoir.security.v1.GetUserRequest & reservoir.security.v1.GetUserRequest.$Shape;
                static create(properties?: reservoir.security.v1.GetUserRequest.$Properties): reservoir.security.v1.GetUserRequest;
                static encode(message: reservoir.security.v1.GetUserRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.GetUserRequest & reservoir.security.v1.GetUserRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.GetUserRequest;
                static toObject(message: reservoir.security.v1.GetUserRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace GetUserRequest {
                interface $Properties {
                    organization?: (string|null);
                    id?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.GetUserRequest.$Properties;
            }

            interface IListUsersRequest extends reservoir.security.v1.ListUsersRequest.$Properties {
            }

            class ListUsersRequest {
                constructor(properties?: reservoir.security.v1.ListUsersRequest.$Properties);
                $unknowns?: Uint8Array[];
                organization: string;
                static create(properties: reservoir.security.v1.ListUsersRequest.$Shape): reservoir.security.v1.ListUsersRequest & reservoir.security.v1.ListUsersRequest.$Shape;
                static create(properties?: reservoir.security.v1.ListUsersRequest.$Properties): reservoir.security.v1.ListUsersRequest;
                static encode(message: reservoir.security.v1.ListUsersRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.ListUsersRequest & reservoir.security.v1.ListUsersRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.ListUsersRequest;
                static toObject(message: reservoir.security.v1.ListUsersRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListUsersRequest {
                interface $Properties {
                    organization?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.ListUsersRequest.$Properties;
            }

            interface IListUsersResponse extends reservoir.security.v1.ListUsersResponse.$Properties {
            }

            class ListUsersResponse {
                constructor(properties?: reservoir.security.v1.ListUsersResponse.$Properties);
                $unknowns?: Uint8Array[];
                users: reservoir.security.v1.User.$Properties[];
                static create(properties: reservoir.security.v1.ListUsersResponse.$Shape): reservoir.security.v1.ListUsersResponse & reservoir.security.v1.ListUsersResponse.$Shape;
                static create(properties?: reservoir.security.v1.ListUsersResponse.$Properties): reservoir.security.v1.ListUsersResponse;
                static encode(message: reservoir.security.v1.ListUsersResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.ListUsersResponse & reservoir.security.v1.ListUsersResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.ListUsersResponse;
                static toObject(message: reservoir.security.v1.ListUsersResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListUsersResponse {
                interface $Properties {
                    users?: (reservoir.security.v1.User.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.ListUsersResponse.$Properties;
            }

            interface IUpdateUserRequest extends reservoir.security.v1.UpdateUserRequest.$Properties {
            }

            class UpdateUserRequest {
                constructor(properties?: reservoir.security.v1.UpdateUserRequest.$Properties);
                $unknowns?: Uint8Array[];
                organization: string;
                id: string;
                name?: (string|null);
                state?: (string|null);
                static create(properties: reservoir.security.v1.UpdateUserRequest.$Shape): reservoir.security.v1.UpdateUserRequest & reservoir.security.v1.UpdateUserRequest.$Shape;
                static create(properties?: reservoir.security.v1.UpdateUserRequest.$Properties): reservoir.security.v1.UpdateUserRequest;
                static encode(message: reservoir.security.v1.UpdateUserRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.UpdateUserRequest & reservoir.security.v1.UpdateUserRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.UpdateUserRequest;
                static toObject(message: reservoir.security.v1.UpdateUserRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace UpdateUserRequest {
                interface $Properties {
                    organization?: (string|null);
                    id?: (string|null);
                    name?: (string|null);
                    state?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.UpdateUserRequest.$Properties;
            }

            interface ISetPasswordRequest extends reservoir.security.v1.SetPasswordRequest.$Properties {
            }

            class SetPasswordRequest {
                constructor(properties?: reservoir.security.v1.SetPasswordRequest.$Properties);
                $unknowns?: Uint8Array[];
                organization: string;
                id: string;
                password: string;
                mustChangePassword: boolean;
                static create(properties: reservoir.security.v1.SetPasswordRequest.$Shape): reservoir.security.v1.SetPasswordRequest & reservoir.security.v1.SetPasswordRequest.$Shape;
                static create(properties?: reservoir.security.v1.SetPasswordRequest.$Properties): reservoir.security.v1.SetPasswordRequest;
                static encode(message: reservoir.security.v1.SetPasswordRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.SetPasswordRequest & reservoir.security.v1.SetPasswordRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.SetPasswordRequest;
                static toObject(message: reservoir.security.v1.SetPasswordRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace SetPasswordRequest {
                interface $Properties {
                    organization?: (string|null);
                    id?: (string|null);
                    password?: (string|null);
                    mustChangePassword?: (boolean|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.SetPasswordRequest.$Properties;
            }

            interface ISetPasswordResponse extends reservoir.security.v1.SetPasswordResponse.$Properties {
            }

            class SetPasswordResponse {
                constructor(properties?: reservoir.security.v1.SetPasswordResponse.$Properties);
                $unknowns?: Uint8Array[];
                password: string;
                static create(properties: reservoir.security.v1.SetPasswordResponse.$Shape): reservoir.security.v1.SetPasswordResponse & reservoir.security.v1.SetPasswordResponse.$Shape;
                static create(properties?: reservoir.security.v1.SetPasswordResponse.$Properties): reservoir.security.v1.SetPasswordResponse;
                static encode(message: reservoir.security.v1.SetPasswordResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.SetPasswordResponse & reservoir.security.v1.SetPasswordResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.SetPasswordResponse;
                static toObject(message: reservoir.security.v1.SetPasswordResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace SetPasswordResponse {
                interface $Properties {
                    password?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.SetPasswordResponse.$Properties;
            }

            interface IRoleRequest extends reservoir.security.v1.RoleRequest.$Properties {
            }

            class RoleRequest {
                constructor(properties?: reservoir.security.v1.RoleRequest.$Properties);
                $unknowns?: Uint8Array[];
                subject: string;
                role: string;
                organization: string;
                static create(properties: reservoir.security.v1.RoleRequest.$Shape): reservoir.security.v1.RoleRequest & reservoir.security.v1.RoleRequest.$Shape;
                static create(properties?: reservoir.security.v1.RoleRequest.$Properties): reservoir.security.v1.RoleRequest;
                static encode(message: reservoir.security.v1.RoleRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.RoleRequest & reservoir.security.v1.RoleRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.RoleRequest;
                static toObject(message: reservoir.security.v1.RoleRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace RoleRequest {
                interface $Properties {
                    subject?: (string|null);
                    role?: (string|null);
                    organization?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.RoleRequest.$Properties;
            }

            interface IRoleResponse extends reservoir.security.v1.RoleResponse.$Properties {
            }

            class RoleResponse {
                constructor(properties?: reservoir.security.v1.RoleResponse.$Properties);
                $unknowns?: Uint8Array[];
                roles: reservoir.security.v1.RoleGrant.$Properties[];
                static create(properties: reservoir.security.v1.RoleResponse.$Shape): reservoir.security.v1.RoleResponse & reservoir.security.v1.RoleResponse.$Shape;
                static create(properties?: reservoir.security.v1.RoleResponse.$Properties): reservoir.security.v1.RoleResponse;
                static encode(message: reservoir.security.v1.RoleResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.RoleResponse & reservoir.security.v1.RoleResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.RoleResponse;
                static toObject(message: reservoir.security.v1.RoleResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace RoleResponse {
                interface $Properties {
                    roles?: (reservoir.security.v1.RoleGrant.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.RoleResponse.$Properties;
            }

            interface IApiKey extends reservoir.security.v1.ApiKey.$Properties {
            }

            class ApiKey {
                constructor(properties?: reservoir.security.v1.ApiKey.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                owner: string;
                organization: string;
                name: string;
                roles: reservoir.security.v1.RoleGrant.$Properties[];
                createdAtMs: number;
                expiresAtMs: number;
                lastUsedAtMs: number;
                revokedAtMs: number;
                static create(properties: reservoir.security.v1.ApiKey.$Shape): reservoir.security.v1.ApiKey & reservoir.security.v1.ApiKey.$Shape;
                static create(properties?: reservoir.security.v1.ApiKey.$Properties): reservoir.security.v1.ApiKey;
                static encode(message: reservoir.security.v1.ApiKey.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.ApiKey & reservoir.security.v1.ApiKey.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.ApiKey;
                static toObject(message: reservoir.security.v1.ApiKey, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ApiKey {
                interface $Properties {
                    id?: (string|null);
                    owner?: (string|null);
                    organization?: (string|null);
                    name?: (string|null);
                    roles?: (reservoir.security.v1.RoleGrant.$Properties[]|null);
                    createdAtMs?: (number|null);
                    expiresAtMs?: (number|null);
                    lastUsedAtMs?: (number|null);
                    revokedAtMs?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.ApiKey.$Properties;
            }

            interface ICreateApiKeyRequest extends reservoir.security.v1.CreateApiKeyRequest.$Properties {
            }

            class CreateApiKeyRequest {
                constructor(properties?: reservoir.security.v1.CreateApiKeyRequest.$Properties);
                $unknowns?: Uint8Array[];
                owner: string;
                name: string;
                roles: reservoir.security.v1.RoleGrant.$Properties[];
                expiresAtMs: number;
                static create(properties: reservoir.security.v1.CreateApiKeyRequest.$Shape): reservoir.security.v1.CreateApiKeyRequest & reservoir.security.v1.CreateApiKeyRequest.$Shape;
                static create(properties?: reservoir.security.v1.CreateApiKeyRequest.$Properties): reservoir.security.v1.CreateApiKeyRequest;
                static encode(message: reservoir.security.v1.CreateApiKeyRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.CreateApiKeyRequest & reservoir.security.v1.CreateApiKeyRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.CreateApiKeyRequest;
                static toObject(message: reservoir.security.v1.CreateApiKeyRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace CreateApiKeyRequest {
                interface $Properties {
                    owner?: (string|null);
                    name?: (string|null);
                    roles?: (reservoir.security.v1.RoleGrant.$Properties[]|null);
                    expiresAtMs?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.CreateApiKeyRequest.$Properties;
            }

            interface ICreateApiKeyResponse extends reservoir.security.v1.CreateApiKeyResponse.$Properties {
            }

            class CreateApiKeyResponse {
                constructor(properties?: reservoir.security.v1.CreateApiKeyResponse.$Properties);
                $unknowns?: Uint8Array[];
                apiKey?: (reservoir.security.v1.ApiKey.$Properties|null);
                secret: string;
                static create(properties: reservoir.security.v1.CreateApiKeyResponse.$Shape): reservoir.security.v1.CreateApiKeyResponse & reservoir.security.v1.CreateApiKeyResponse.$Shape;
                static create(properties?: reservoir.security.v1.CreateApiKeyResponse.$Properties): reservoir.security.v1.CreateApiKeyResponse;
                static encode(message: reservoir.security.v1.CreateApiKeyResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.CreateApiKeyResponse & reservoir.security.v1.CreateApiKeyResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.CreateApiKeyResponse;
                static toObject(message: reservoir.security.v1.CreateApiKeyResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace CreateApiKeyResponse {
                interface $Properties {
                    apiKey?: (reservoir.security.v1.ApiKey.$Properties|null);
                    secret?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.CreateApiKeyResponse.$Properties;
            }

            interface IListApiKeysRequest extends reservoir.security.v1.ListApiKeysRequest.$Properties {
            }

            class ListApiKeysRequest {
                constructor(properties?: reservoir.security.v1.ListApiKeysRequest.$Properties);
                $unknowns?: Uint8Array[];
                organization: string;
                owner: string;
                static create(properties: reservoir.security.v1.ListApiKeysRequest.$Shape): reservoir.security.v1.ListApiKeysRequest & reservoir.security.v1.ListApiKeysRequest.$Shape;
                static create(properties?: reservoir.security.v1.ListApiKeysRequest.$Properties): reservoir.security.v1.ListApiKeysRequest;
                static encode(message: reservoir.security.v1.ListApiKeysRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.ListApiKeysRequest & reservoir.security.v1.ListApiKeysRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.ListApiKeysRequest;
                static toObject(message: reservoir.security.v1.ListApiKeysRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListApiKeysRequest {
                interface $Properties {
                    organization?: (string|null);
                    owner?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.ListApiKeysRequest.$Properties;
            }

            interface IListApiKeysResponse extends reservoir.security.v1.ListApiKeysResponse.$Properties {
            }

            class ListApiKeysResponse {
                constructor(properties?: reservoir.security.v1.ListApiKeysResponse.$Properties);
                $unknowns?: Uint8Array[];
                apiKeys: reservoir.security.v1.ApiKey.$Properties[];
                static create(properties: reservoir.security.v1.ListApiKeysResponse.$Shape): reservoir.security.v1.ListApiKeysResponse & reservoir.security.v1.ListApiKeysResponse.$Shape;
                static create(properties?: reservoir.security.v1.ListApiKeysResponse.$Properties): reservoir.security.v1.ListApiKeysResponse;
                static encode(message: reservoir.security.v1.ListApiKeysResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.ListApiKeysResponse & reservoir.security.v1.ListApiKeysResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.ListApiKeysResponse;
                static toObject(message: reservoir.security.v1.ListApiKeysResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListApiKeysResponse {
                interface $Properties {
                    apiKeys?: (reservoir.security.v1.ApiKey.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.ListApiKeysResponse.$Properties;
            }

            interface IRevokeApiKeyRequest extends reservoir.security.v1.RevokeApiKeyRequest.$Properties {
            }

            class RevokeApiKeyRequest {
                constructor(properties?: reservoir.security.v1.RevokeApiKeyRequest.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                static create(properties: reservoir.security.v1.RevokeApiKeyRequest.$Shape): reservoir.security.v1.RevokeApiKeyRequest & reservoir.security.v1.RevokeApiKeyRequest.$Shape;
                static create(properties?: reservoir.security.v1.RevokeApiKeyRequest.$Properties): reservoir.security.v1.RevokeApiKeyRequest;
                static encode(message: reservoir.security.v1.RevokeApiKeyRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.RevokeApiKeyRequest & reservoir.security.v1.RevokeApiKeyRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.RevokeApiKeyRequest;
                static toObject(message: reservoir.security.v1.RevokeApiKeyRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace RevokeApiKeyRequest {
                interface $Properties {
                    id?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.RevokeApiKeyRequest.$Properties;
            }

            interface IRevokeApiKeyResponse extends reservoir.security.v1.RevokeApiKeyResponse.$Properties {
            }

            class RevokeApiKeyResponse {
                constructor(properties?: reservoir.security.v1.RevokeApiKeyResponse.$Properties);
                $unknowns?: Uint8Array[];
                static create(properties: reservoir.security.v1.RevokeApiKeyResponse.$Shape): reservoir.security.v1.RevokeApiKeyResponse & reservoir.security.v1.RevokeApiKeyResponse.$Shape;
                static create(properties?: reservoir.security.v1.RevokeApiKeyResponse.$Properties): reservoir.security.v1.RevokeApiKeyResponse;
                static encode(message: reservoir.security.v1.RevokeApiKeyResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.RevokeApiKeyResponse & reservoir.security.v1.RevokeApiKeyResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.RevokeApiKeyResponse;
                static toObject(message: reservoir.security.v1.RevokeApiKeyResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace RevokeApiKeyResponse {
                interface $Properties {
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.RevokeApiKeyResponse.$Properties;
            }

            interface IServicePrincipal extends reservoir.security.v1.ServicePrincipal.$Properties {
            }

            class ServicePrincipal {
                constructor(properties?: reservoir.security.v1.ServicePrincipal.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                organization: string;
                name: string;
                state: string;
                roles: reservoir.security.v1.RoleGrant.$Properties[];
                createdAtMs: number;
                updatedAtMs: number;
                static create(properties: reservoir.security.v1.ServicePrincipal.$Shape): reservoir.security.v1.ServicePrincipal & reservoir.security.v1.ServicePrincipal.$Shape;
                static create(properties?: reservoir.security.v1.ServicePrincipal.$Properties): reservoir.security.v1.ServicePrincipal;
                static encode(message: reservoir.security.v1.ServicePrincipal.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.ServicePrincipal & reservoir.security.v1.ServicePrincipal.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.ServicePrincipal;
                static toObject(message: reservoir.security.v1.ServicePrincipal, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ServicePrincipal {
                interface $Properties {
                    id?: (string|null);
                    organization?: (string|null);
                    name?: (string|null);
                    state?: (string|null);
                    roles?: (reservoir.security.v1.RoleGrant.$Properties[]|null);
                    createdAtMs?: (number|null);
                    updatedAtMs?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.ServicePrincipal.$Properties;
            }

            interface ICreateServicePrincipalRequest extends reservoir.security.v1.CreateServicePrincipalRequest.$Properties {
            }

            class CreateServicePrincipalRequest {
                constructor(properties?: reservoir.security.v1.CreateServicePrincipalRequest.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                organization: string;
                name: string;
                roles: reservoir.security.v1.RoleGrant.$Properties[];
                static create(properties: reservoir.security.v1.CreateServicePrincipalRequest.$Shape): reservoir.security.v1.CreateServicePrincipalRequest & reservoir.security.v1.CreateServicePrincipalRequest.$Shape;
                static create(properties?: reservoir.security.v1.CreateServicePrincipalRequest.$Properties): reservoir.security.v1.CreateServicePrincipalRequest;
                static encode(message: reservoir.security.v1.CreateServicePrincipalRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.CreateServicePrincipalRequest & reservoir.security.v1.CreateServicePrincipalRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.CreateServicePrincipalRequest;
                static toObject(message: reservoir.security.v1.CreateServicePrincipalRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace CreateServicePrincipalRequest {
                interface $Properties {
                    id?: (string|null);
                    organization?: (string|null);
                    name?: (string|null);
                    roles?: (reservoir.security.v1.RoleGrant.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.CreateServicePrincipalRequest.$Properties;
            }

            interface IListServicePrincipalsRequest extends reservoir.security.v1.ListServicePrincipalsRequest.$Properties {
            }

            class ListServicePrincipalsRequest {
                constructor(properties?: reservoir.security.v1.ListServicePrincipalsRequest.$Properties);
                $unknowns?: Uint8Array[];
                organization: string;
                static create(properties: reservoir.security.v1.ListServicePrincipalsRequest.$Shape): reservoir.security.v1.ListServicePrincipalsRequest & reservoir.security.v1.ListServicePrincipalsRequest.$Shape;
                static create(properties?: reservoir.security.v1.ListServicePrincipalsRequest.$Properties): reservoir.security.v1.ListServicePrincipalsRequest;
                static encode(message: reservoir.security.v1.ListServicePrincipalsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.ListServicePrincipalsRequest & reservoir.security.v1.ListServicePrincipalsRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.ListServicePrincipalsRequest;
                static toObject(message: reservoir.security.v1.ListServicePrincipalsRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListServicePrincipalsRequest {
                interface $Properties {
                    organization?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.ListServicePrincipalsRequest.$Properties;
            }

            interface IListServicePrincipalsResponse extends reservoir.security.v1.ListServicePrincipalsResponse.$Properties {
            }

            class ListServicePrincipalsResponse {
                constructor(properties?: reservoir.security.v1.ListServicePrincipalsResponse.$Properties);
                $unknowns?: Uint8Array[];
                servicePrincipals: reservoir.security.v1.ServicePrincipal.$Properties[];
                static create(properties: reservoir.security.v1.ListServicePrincipalsResponse.$Shape): reservoir.security.v1.ListServicePrincipalsResponse & reservoir.security.v1.ListServicePrincipalsResponse.$Shape;
                static create(properties?: reservoir.security.v1.ListServicePrincipalsResponse.$Properties): reservoir.security.v1.ListServicePrincipalsResponse;
                static encode(message: reservoir.security.v1.ListServicePrincipalsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.ListServicePrincipalsResponse & reservoir.security.v1.ListServicePrincipalsResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.ListServicePrincipalsResponse;
                static toObject(message: reservoir.security.v1.ListServicePrincipalsResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListServicePrincipalsResponse {
                interface $Properties {
                    servicePrincipals?: (reservoir.security.v1.ServicePrincipal.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.ListServicePrincipalsResponse.$Properties;
            }

            interface IPolicyVersion extends reservoir.security.v1.PolicyVersion.$Properties {
            }

            class PolicyVersion {
                constructor(properties?: reservoir.security.v1.PolicyVersion.$Properties);
                $unknowns?: Uint8Array[];
                version: number;
                document: string;
                digest: string;
                appliedBy: string;
                appliedAtMs: number;
                static create(properties: reservoir.security.v1.PolicyVersion.$Shape): reservoir.security.v1.PolicyVersion & reservoir.security.v1.PolicyVersion.$Shape;
                static create(properties?: reservoir.security.v1.PolicyVersion.$Properties): reservoir.security.v1.PolicyVersion;
                static encode(message: reservoir.security.v1.PolicyVersion.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.PolicyVersion & reservoir.security.v1.PolicyVersion.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.PolicyVersion;
                static toObject(message: reservoir.security.v1.PolicyVersion, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace PolicyVersion {
                interface $Properties {
                    version?: (number|null);
                    document?: (string|null);
                    digest?: (string|null);
                    appliedBy?: (string|null);
                    appliedAtMs?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.PolicyVersion.$Properties;
            }

            interface IGetPolicyRequest extends reservoir.security.v1.GetPolicyRequest.$Properties {
            }

            class GetPolicyRequest {
                constructor(properties?: reservoir.security.v1.GetPolicyRequest.$Properties);
                $unknowns?: Uint8Array[];
                static create(properties: reservoir.security.v1.GetPolicyRequest.$Shape): reservoir.security.v1.GetPolicyRequest & reservoir.security.v1.GetPolicyRequest.$Shape;
                static create(properties?: reservoir.security.v1.GetPolicyRequest.$Properties): reservoir.security.v1.GetPolicyRequest;
                static encode(message: reservoir.security.v1.GetPolicyRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.GetPolicyRequest & reservoir.security.v1.GetPolicyRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.GetPolicyRequest;
                static toObject(message: reservoir.security.v1.GetPolicyRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace GetPolicyRequest {
                interface $Properties {
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.GetPolicyRequest.$Properties;
            }

            interface IPolicyProblem extends reservoir.security.v1.PolicyProblem.$Properties {
            }

            class PolicyProblem {
                constructor(properties?: reservoir.security.v1.PolicyProblem.$Properties);
                $unknowns?: Uint8Array[];
                path: string;
                message: string;
                static create(properties: reservoir.security.v1.PolicyProblem.$Shape): reservoir.security.v1.PolicyProblem & reservoir.security.v1.PolicyProblem.$Shape;
                static create(properties?: reservoir.security.v1.PolicyProblem.$Properties): reservoir.security.v1.PolicyProblem;
                static encode(message: reservoir.security.v1.PolicyProblem.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.PolicyProblem & reservoir.security.v1.PolicyProblem.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.PolicyProblem;
                static toObject(message: reservoir.security.v1.PolicyProblem, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace PolicyProblem {
                interface $Properties {
                    path?: (string|null);
                    message?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.PolicyProblem.$Properties;
            }

            interface ICheckPolicyRequest extends reservoir.security.v1.CheckPolicyRequest.$Properties {
            }

            class CheckPolicyRequest {
                constructor(properties?: reservoir.security.v1.CheckPolicyRequest.$Properties);
                $unknowns?: Uint8Array[];
                document: string;
                static create(properties: reservoir.security.v1.CheckPolicyRequest.$Shape): reservoir.security.v1.CheckPolicyRequest & reservoir.security.v1.CheckPolicyRequest.$Shape;
                static create(properties?: reservoir.security.v1.CheckPolicyRequest.$Properties): reservoir.security.v1.CheckPolicyRequest;
                static encode(message: reservoir.security.v1.CheckPolicyRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.CheckPolicyRequest & reservoir.security.v1.CheckPolicyRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.CheckPolicyRequest;
                static toObject(message: reservoir.security.v1.CheckPolicyRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace CheckPolicyRequest {
                interface $Properties {
                    document?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.CheckPolicyRequest.$Properties;
            }

            interface ICheckPolicyResponse extends reservoir.security.v1.CheckPolicyResponse.$Properties {
            }

            class CheckPolicyResponse {
                constructor(properties?: reservoir.security.v1.CheckPolicyResponse.$Properties);
                $unknowns?: Uint8Array[];
                ok: boolean;
                problems: reservoir.security.v1.PolicyProblem.$Properties[];
                rules: number;
                policies: number;
                policySets: number;
                policyId: string;
                static create(properties: reservoir.security.v1.CheckPolicyResponse.$Shape): reservoir.security.v1.CheckPolicyResponse & reservoir.security.v1.CheckPolicyResponse.$Shape;
                static create(properties?: reservoir.security.v1.CheckPolicyResponse.$Properties): reservoir.security.v1.CheckPolicyResponse;
                static encode(message: reservoir.security.v1.CheckPolicyResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.CheckPolicyResponse & reservoir.security.v1.CheckPolicyResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.CheckPolicyResponse;
                static toObject(message: reservoir.security.v1.CheckPolicyResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace CheckPolicyResponse {
                interface $Properties {
                    ok?: (boolean|null);
                    problems?: (reservoir.security.v1.PolicyProblem.$Properties[]|null);
                    rules?: (number|null);
                    policies?: (number|null);
                    policySets?: (number|null);
                    policyId?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.CheckPolicyResponse.$Properties;
            }

            interface IApplyPolicyRequest extends reservoir.security.v1.ApplyPolicyRequest.$Properties {
            }

            class ApplyPolicyRequest {
                constructor(properties?: reservoir.security.v1.ApplyPolicyRequest.$Properties);
                $unknowns?: Uint8Array[];
                document: string;
                expectVersion?: (number|null);
                static create(properties: reservoir.security.v1.ApplyPolicyRequest.$Shape): reservoir.security.v1.ApplyPolicyRequest & reservoir.security.v1.ApplyPolicyRequest.$Shape;
                static create(properties?: reservoir.security.v1.ApplyPolicyRequest.$Properties): reservoir.security.v1.ApplyPolicyRequest;
                static encode(message: reservoir.security.v1.ApplyPolicyRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.ApplyPolicyRequest & reservoir.security.v1.ApplyPolicyRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.ApplyPolicyRequest;
                static toObject(message: reservoir.security.v1.ApplyPolicyRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ApplyPolicyRequest {
                interface $Properties {
                    document?: (string|null);
                    expectVersion?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.ApplyPolicyRequest.$Properties;
            }

            interface IAttributeValues extends reservoir.security.v1.AttributeValues.$Properties {
            }

            class AttributeValues {
                constructor(properties?: reservoir.security.v1.AttributeValues.$Properties);
                $unknowns?: Uint8Array[];
                values: string[];
                static create(properties: reservoir.security.v1.AttributeValues.$Shape): reservoir.security.v1.AttributeValues & reservoir.security.v1.AttributeValues.$Shape;
                static create(properties?: reservoir.security.v1.AttributeValues.$Properties): reservoir.security.v1.AttributeValues;
                static encode(message: reservoir.security.v1.AttributeValues.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.AttributeValues & reservoir.security.v1.AttributeValues.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.AttributeValues;
                static toObject(message: reservoir.security.v1.AttributeValues, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace AttributeValues {
                interface $Properties {
                    values?: (string[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.AttributeValues.$Properties;
            }

            interface IAttributeValue extends reservoir.security.v1.AttributeValue.$Properties {
            }

            class AttributeValue {
                constructor(properties?: reservoir.security.v1.AttributeValue.$Properties);
                $unknowns?: Uint8Array[];
                text?: (string|null);
                list?: (reservoir.security.v1.AttributeValues.$Properties|null);
                flag?: (boolean|null);
                number?: (number|null);
                value?: ("text"|"list"|"flag"|"number");
                static create(properties: reservoir.security.v1.AttributeValue.$Shape): reservoir.security.v1.AttributeValue & reservoir.security.v1.AttributeValue.$Shape;
                static create(properties?: reservoir.security.v1.AttributeValue.$Properties): reservoir.security.v1.AttributeValue;
                static encode(message: reservoir.security.v1.AttributeValue.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.AttributeValue & reservoir.security.v1.AttributeValue.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.AttributeValue;
                static toObject(message: reservoir.security.v1.AttributeValue, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace AttributeValue {
                interface $Properties {
                    text?: (string|null);
                    list?: (reservoir.security.v1.AttributeValues.$Properties|null);
                    flag?: (boolean|null);
                    number?: (number|null);
                    value?: ("text"|"list"|"flag"|"number");
                    $unknowns?: Uint8Array[];
                }
                type $Shape = {
                  text?: string|null;
                  list?: reservoir.security.v1.AttributeValues.$Shape|null;
                  flag?: boolean|null;
                  number?: number|null;
                  $unknowns?: Uint8Array[];
                } & (
                  ({ value?: undefined; text?: null; list?: null; flag?: null; number?: null }|{ value?: "text"; text: string; list?: null; flag?: null; number?: null }|{ value?: "list"; text?: null; list: reservoir.security.v1.AttributeValues.$Shape; flag?: null; number?: null }|{ value?: "flag"; text?: null; list?: null; flag: boolean; number?: null }|{ value?: "number"; text?: null; list?: null; flag?: null; number: number })
                );
            }

            interface IExplainDecisionRequest extends reservoir.security.v1.ExplainDecisionRequest.$Properties {
            }

            class ExplainDecisionRequest {
                constructor(properties?: reservoir.security.v1.ExplainDecisionRequest.$Properties);
                $unknowns?: Uint8Array[];
                subject: { [k: string]: reservoir.security.v1.AttributeValue.$Properties };
                resource: { [k: string]: reservoir.security.v1.AttributeValue.$Properties };
                action: { [k: string]: reservoir.security.v1.AttributeValue.$Properties };
                environment: { [k: string]: reservoir.security.v1.AttributeValue.$Properties };
                requestJson: string;
                static create(properties: reservoir.security.v1.ExplainDecisionRequest.$Shape): reservoir.security.v1.ExplainDecisionRequest & reservoir.security.v1.ExplainDecisionRequest.$Shape;
                static create(properties?: reservoir.security.v1.ExplainDecisionRequest.$Properties): reservoir.security.v1.ExplainDecisionRequest;
                static encode(message: reservoir.security.v1.ExplainDecisionRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.ExplainDecisionRequest & reservoir.security.v1.ExplainDecisionRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.ExplainDecisionRequest;
                static toObject(message: reservoir.security.v1.ExplainDecisionRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ExplainDecisionRequest {
                interface $Properties {
                    subject?: ({ [k: string]: reservoir.security.v1.AttributeValue.$Properties }|null);
                    resource?: ({ [k: string]: reservoir.security.v1.AttributeValue.$Properties }|null);
                    action?: ({ [k: string]: reservoir.security.v1.AttributeValue.$Properties }|null);
                    environment?: ({ [k: string]: reservoir.security.v1.AttributeValue.$Properties }|null);
                    requestJson?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = {
                  subject?: { [k: string]: reservoir.security.v1.AttributeValue.$Shape }|null;
                  resource?: { [k: string]: reservoir.security.v1.AttributeValue.$Shape }|null;
                  action?: { [k: string]: reservoir.security.v1.AttributeValue.$Shape }|null;
                  environment?: { [k: string]: reservoir.security.v1.AttributeValue.$Shape }|null;
                  requestJson?: string|null;
                  $unknowns?: Uint8Array[];
                };
            }

            interface IDirective extends reservoir.security.v1.Directive.$Properties {
            }

            class Directive {
                constructor(properties?: reservoir.security.v1.Directive.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                attributesJson: string;
                static create(properties: reservoir.security.v1.Directive.$Shape): reservoir.security.v1.Directive & reservoir.security.v1.Directive.$Shape;
                static create(properties?: reservoir.security.v1.Directive.$Properties): reservoir.security.v1.Directive;
                static encode(message: reservoir.security.v1.Directive.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.Directive & reservoir.security.v1.Directive.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.Directive;
                static toObject(message: reservoir.security.v1.Directive, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace Directive {
                interface $Properties {
                    id?: (string|null);
                    attributesJson?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.Directive.$Properties;
            }

            interface IExplainDecisionResponse extends reservoir.security.v1.ExplainDecisionResponse.$Properties {
            }

            class ExplainDecisionResponse {
                constructor(properties?: reservoir.security.v1.ExplainDecisionResponse.$Properties);
                $unknowns?: Uint8Array[];
                decision: string;
                decidedBy: string[];
                obligations: reservoir.security.v1.Directive.$Properties[];
                advice: reservoir.security.v1.Directive.$Properties[];
                status: string;
                statusMessage: string;
                traceJson: string;
                version: number;
                policyId: string;
                static create(properties: reservoir.security.v1.ExplainDecisionResponse.$Shape): reservoir.security.v1.ExplainDecisionResponse & reservoir.security.v1.ExplainDecisionResponse.$Shape;
                static create(properties?: reservoir.security.v1.ExplainDecisionResponse.$Properties): reservoir.security.v1.ExplainDecisionResponse;
                static encode(message: reservoir.security.v1.ExplainDecisionResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.ExplainDecisionResponse & reservoir.security.v1.ExplainDecisionResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.ExplainDecisionResponse;
                static toObject(message: reservoir.security.v1.ExplainDecisionResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ExplainDecisionResponse {
                interface $Properties {
                    decision?: (string|null);
                    decidedBy?: (string[]|null);
                    obligations?: (reservoir.security.v1.Directive.$Properties[]|null);
                    advice?: (reservoir.security.v1.Directive.$Properties[]|null);
                    status?: (string|null);
                    statusMessage?: (string|null);
                    traceJson?: (string|null);
                    version?: (number|null);
                    policyId?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.ExplainDecisionResponse.$Properties;
            }

            interface IAuditResource extends reservoir.security.v1.AuditResource.$Properties {
            }

            class AuditResource {
                constructor(properties?: reservoir.security.v1.AuditResource.$Properties);
                $unknowns?: Uint8Array[];
                type: string;
                id: string;
                organization: string;
                static create(properties: reservoir.security.v1.AuditResource.$Shape): reservoir.security.v1.AuditResource & reservoir.security.v1.AuditResource.$Shape;
                static create(properties?: reservoir.security.v1.AuditResource.$Properties): reservoir.security.v1.AuditResource;
                static encode(message: reservoir.security.v1.AuditResource.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.AuditResource & reservoir.security.v1.AuditResource.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.AuditResource;
                static toObject(message: reservoir.security.v1.AuditResource, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace AuditResource {
                interface $Properties {
                    type?: (string|null);
                    id?: (string|null);
                    organization?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.AuditResource.$Properties;
            }

            interface IAuditEntry extends reservoir.security.v1.AuditEntry.$Properties {
            }

            class AuditEntry {
                constructor(properties?: reservoir.security.v1.AuditEntry.$Properties);
                $unknowns?: Uint8Array[];
                seq: number;
                atMs: number;
                principal: string;
                organization: string;
                action: string;
                resource?: (reservoir.security.v1.AuditResource.$Properties|null);
                decision: string;
                policy: string;
                obligationsJson: string;
                outcome: string;
                outcomeCode: string;
                requestId: string;
                detailJson: string;
                prevHash: string;
                hash: string;
                static create(properties: reservoir.security.v1.AuditEntry.$Shape): reservoir.security.v1.AuditEntry & reservoir.security.v1.AuditEntry.$Shape;
                static create(properties?: reservoir.security.v1.AuditEntry.$Properties): reservoir.security.v1.AuditEntry;
                static encode(message: reservoir.security.v1.AuditEntry.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.AuditEntry & reservoir.security.v1.AuditEntry.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.AuditEntry;
                static toObject(message: reservoir.security.v1.AuditEntry, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace AuditEntry {
                interface $Properties {
                    seq?: (number|null);
                    atMs?: (number|null);
                    principal?: (string|null);
                    organization?: (string|null);
                    action?: (string|null);
                    resource?: (reservoir.security.v1.AuditResource.$Properties|null);
                    decision?: (string|null);
                    policy?: (string|null);
                    obligationsJson?: (string|null);
                    outcome?: (string|null);
                    outcomeCode?: (string|null);
                    requestId?: (string|null);
                    detailJson?: (string|null);
                    prevHash?: (string|null);
                    hash?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.AuditEntry.$Properties;
            }

            interface IQueryAuditRequest extends reservoir.security.v1.QueryAuditRequest.$Properties {
            }

            class QueryAuditRequest {
                constructor(properties?: reservoir.security.v1.QueryAuditRequest.$Properties);
                $unknowns?: Uint8Array[];
                organization: string;
                principal: string;
                action: string;
                decision: string;
                fromMs: number;
                toMs: number;
                afterSeq: number;
                order: string;
                limit: number;
                static create(properties: reservoir.security.v1.QueryAuditRequest.$Shape): reservoir.security.v1.QueryAuditRequest & reservoir.security.v1.QueryAuditRequest.$Shape;
                static create(properties?: reservoir.security.v1.QueryAuditRequest.$Properties): reservoir.security.v1.QueryAuditRequest;
                static encode(message: reservoir.security.v1.QueryAuditRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.QueryAuditRequest & reservoir.security.v1.QueryAuditRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.QueryAuditRequest;
                static toObject(message: reservoir.security.v1.QueryAuditRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace QueryAuditRequest {
                interface $Properties {
                    organization?: (string|null);
                    principal?: (string|null);
                    action?: (string|null);
                    decision?: (string|null);
                    fromMs?: (number|null);
                    toMs?: (number|null);
                    afterSeq?: (number|null);
                    order?: (string|null);
                    limit?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.QueryAuditRequest.$Properties;
            }

            interface IQueryAuditResponse extends reservoir.security.v1.QueryAuditResponse.$Properties {
            }

            class QueryAuditResponse {
                constructor(properties?: reservoir.security.v1.QueryAuditResponse.$Properties);
                $unknowns?: Uint8Array[];
                entries: reservoir.security.v1.AuditEntry.$Properties[];
                nextAfterSeq: number;
                static create(properties: reservoir.security.v1.QueryAuditResponse.$Shape): reservoir.security.v1.QueryAuditResponse & reservoir.security.v1.QueryAuditResponse.$Shape;
                static create(properties?: reservoir.security.v1.QueryAuditResponse.$Properties): reservoir.security.v1.QueryAuditResponse;
                static encode(message: reservoir.security.v1.QueryAuditResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.QueryAuditResponse & reservoir.security.v1.QueryAuditResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.QueryAuditResponse;
                static toObject(message: reservoir.security.v1.QueryAuditResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace QueryAuditResponse {
                interface $Properties {
                    entries?: (reservoir.security.v1.AuditEntry.$Properties[]|null);
                    nextAfterSeq?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.QueryAuditResponse.$Properties;
            }

            interface IVerifyAuditRequest extends reservoir.security.v1.VerifyAuditRequest.$Properties {
            }

            class VerifyAuditRequest {
                constructor(properties?: reservoir.security.v1.VerifyAuditRequest.$Properties);
                $unknowns?: Uint8Array[];
                from: number;
                to: number;
                static create(properties: reservoir.security.v1.VerifyAuditRequest.$Shape): reservoir.security.v1.VerifyAuditRequest & reservoir.security.v1.VerifyAuditRequest.$Shape;
                static create(properties?: reservoir.security.v1.VerifyAuditRequest.$Properties): reservoir.security.v1.VerifyAuditRequest;
                static encode(message: reservoir.security.v1.VerifyAuditRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.VerifyAuditRequest & reservoir.security.v1.VerifyAuditRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.VerifyAuditRequest;
                static toObject(message: reservoir.security.v1.VerifyAuditRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace VerifyAuditRequest {
                interface $Properties {
                    from?: (number|null);
                    to?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.VerifyAuditRequest.$Properties;
            }

            interface IVerifyAuditResponse extends reservoir.security.v1.VerifyAuditResponse.$Properties {
            }

            class VerifyAuditResponse {
                constructor(properties?: reservoir.security.v1.VerifyAuditResponse.$Properties);
                $unknowns?: Uint8Array[];
                ok: boolean;
                from: number;
                to: number;
                checked: number;
                firstBroken: number;
                reason: string;
                headSeq: number;
                headHash: string;
                static create(properties: reservoir.security.v1.VerifyAuditResponse.$Shape): reservoir.security.v1.VerifyAuditResponse & reservoir.security.v1.VerifyAuditResponse.$Shape;
                static create(properties?: reservoir.security.v1.VerifyAuditResponse.$Properties): reservoir.security.v1.VerifyAuditResponse;
                static encode(message: reservoir.security.v1.VerifyAuditResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.VerifyAuditResponse & reservoir.security.v1.VerifyAuditResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.VerifyAuditResponse;
                static toObject(message: reservoir.security.v1.VerifyAuditResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace VerifyAuditResponse {
                interface $Properties {
                    ok?: (boolean|null);
                    from?: (number|null);
                    to?: (number|null);
                    checked?: (number|null);
                    firstBroken?: (number|null);
                    reason?: (string|null);
                    headSeq?: (number|null);
                    headHash?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.VerifyAuditResponse.$Properties;
            }

            interface ISigningKey extends reservoir.security.v1.SigningKey.$Properties {
            }

            class SigningKey {
                constructor(properties?: reservoir.security.v1.SigningKey.$Properties);
                $unknowns?: Uint8Array[];
                kid: string;
                publicKeyPem: string;
                createdAtMs: number;
                static create(properties: reservoir.security.v1.SigningKey.$Shape): reservoir.security.v1.SigningKey & reservoir.security.v1.SigningKey.$Shape;
                static create(properties?: reservoir.security.v1.SigningKey.$Properties): reservoir.security.v1.SigningKey;
                static encode(message: reservoir.security.v1.SigningKey.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.SigningKey & reservoir.security.v1.SigningKey.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.SigningKey;
                static toObject(message: reservoir.security.v1.SigningKey, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace SigningKey {
                interface $Properties {
                    kid?: (string|null);
                    publicKeyPem?: (string|null);
                    createdAtMs?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.SigningKey.$Properties;
            }

            interface IListSigningKeysRequest extends reservoir.security.v1.ListSigningKeysRequest.$Properties {
            }

            class ListSigningKeysRequest {
                constructor(properties?: reservoir.security.v1.ListSigningKeysRequest.$Properties);
                $unknowns?: Uint8Array[];
                static create(properties: reservoir.security.v1.ListSigningKeysRequest.$Shape): reservoir.security.v1.ListSigningKeysRequest & reservoir.security.v1.ListSigningKeysRequest.$Shape;
                static create(properties?: reservoir.security.v1.ListSigningKeysRequest.$Properties): reservoir.security.v1.ListSigningKeysRequest;
                static encode(message: reservoir.security.v1.ListSigningKeysRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.ListSigningKeysRequest & reservoir.security.v1.ListSigningKeysRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.ListSigningKeysRequest;
                static toObject(message: reservoir.security.v1.ListSigningKeysRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListSigningKeysRequest {
                interface $Properties {
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.ListSigningKeysRequest.$Properties;
            }

            interface IListSigningKeysResponse extends reservoir.security.v1.ListSigningKeysResponse.$Properties {
            }

            class ListSigningKeysResponse {
                constructor(properties?: reservoir.security.v1.ListSigningKeysResponse.$Properties);
                $unknowns?: Uint8Array[];
                keys: reservoir.security.v1.SigningKey.$Properties[];
                static create(properties: reservoir.security.v1.ListSigningKeysResponse.$Shape): reservoir.security.v1.ListSigningKeysResponse & reservoir.security.v1.ListSigningKeysResponse.$Shape;
                static create(properties?: reservoir.security.v1.ListSigningKeysResponse.$Properties): reservoir.security.v1.ListSigningKeysResponse;
                static encode(message: reservoir.security.v1.ListSigningKeysResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.ListSigningKeysResponse & reservoir.security.v1.ListSigningKeysResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.ListSigningKeysResponse;
                static toObject(message: reservoir.security.v1.ListSigningKeysResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListSigningKeysResponse {
                interface $Properties {
                    keys?: (reservoir.security.v1.SigningKey.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.ListSigningKeysResponse.$Properties;
            }

            interface IRotateSigningKeyRequest extends reservoir.security.v1.RotateSigningKeyRequest.$Properties {
            }

            class RotateSigningKeyRequest {
                constructor(properties?: reservoir.security.v1.RotateSigningKeyRequest.$Properties);
                $unknowns?: Uint8Array[];
                static create(properties: reservoir.security.v1.RotateSigningKeyRequest.$Shape): reservoir.security.v1.RotateSigningKeyRequest & reservoir.security.v1.RotateSigningKeyRequest.$Shape;
                static create(properties?: reservoir.security.v1.RotateSigningKeyRequest.$Properties): reservoir.security.v1.RotateSigningKeyRequest;
                static encode(message: reservoir.security.v1.RotateSigningKeyRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.RotateSigningKeyRequest & reservoir.security.v1.RotateSigningKeyRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.RotateSigningKeyRequest;
                static toObject(message: reservoir.security.v1.RotateSigningKeyRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace RotateSigningKeyRequest {
                interface $Properties {
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.RotateSigningKeyRequest.$Properties;
            }

            interface IFederationPeer extends reservoir.security.v1.FederationPeer.$Properties {
            }

            class FederationPeer {
                constructor(properties?: reservoir.security.v1.FederationPeer.$Properties);
                $unknowns?: Uint8Array[];
                site: string;
                organization: string;
                publicKeyPem: string;
                state: string;
                createdAtMs: number;
                updatedAtMs: number;
                static create(properties: reservoir.security.v1.FederationPeer.$Shape): reservoir.security.v1.FederationPeer & reservoir.security.v1.FederationPeer.$Shape;
                static create(properties?: reservoir.security.v1.FederationPeer.$Properties): reservoir.security.v1.FederationPeer;
                static encode(message: reservoir.security.v1.FederationPeer.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.FederationPeer & reservoir.security.v1.FederationPeer.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.FederationPeer;
                static toObject(message: reservoir.security.v1.FederationPeer, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace FederationPeer {
                interface $Properties {
                    site?: (string|null);
                    organization?: (string|null);
                    publicKeyPem?: (string|null);
                    state?: (string|null);
                    createdAtMs?: (number|null);
                    updatedAtMs?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.FederationPeer.$Properties;
            }

            interface IRegisterPeerRequest extends reservoir.security.v1.RegisterPeerRequest.$Properties {
            }

            class RegisterPeerRequest {
                constructor(properties?: reservoir.security.v1.RegisterPeerRequest.$Properties);
                $unknowns?: Uint8Array[];
                site: string;
                organization: string;
                publicKeyPem: string;
                static create(properties: reservoir.security.v1.RegisterPeerRequest.$Shape): reservoir.security.v1.RegisterPeerRequest & reservoir.security.v1.RegisterPeerRequest.$Shape;
                static create(properties?: reservoir.security.v1.RegisterPeerRequest.$Properties): reservoir.security.v1.RegisterPeerRequest;
                static encode(message: reservoir.security.v1.RegisterPeerRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.RegisterPeerRequest & reservoir.security.v1.RegisterPeerRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.RegisterPeerRequest;
                static toObject(message: reservoir.security.v1.RegisterPeerRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace RegisterPeerRequest {
                interface $Properties {
                    site?: (string|null);
                    organization?: (string|null);
                    publicKeyPem?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.RegisterPeerRequest.$Properties;
            }

            interface IListPeersRequest extends reservoir.security.v1.ListPeersRequest.$Properties {
            }

            class ListPeersRequest {
                constructor(properties?: reservoir.security.v1.ListPeersRequest.$Properties);
                $unknowns?: Uint8Array[];
                organization: string;
                static create(properties: reservoir.security.v1.ListPeersRequest.$Shape): reservoir.security.v1.ListPeersRequest & reservoir.security.v1.ListPeersRequest.$Shape;
                static create(properties?: reservoir.security.v1.ListPeersRequest.$Properties): reservoir.security.v1.ListPeersRequest;
                static encode(message: reservoir.security.v1.ListPeersRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.ListPeersRequest & reservoir.security.v1.ListPeersRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.ListPeersRequest;
                static toObject(message: reservoir.security.v1.ListPeersRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListPeersRequest {
                interface $Properties {
                    organization?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.ListPeersRequest.$Properties;
            }

            interface IListPeersResponse extends reservoir.security.v1.ListPeersResponse.$Properties {
            }

            class ListPeersResponse {
                constructor(properties?: reservoir.security.v1.ListPeersResponse.$Properties);
                $unknowns?: Uint8Array[];
                peers: reservoir.security.v1.FederationPeer.$Properties[];
                static create(properties: reservoir.security.v1.ListPeersResponse.$Shape): reservoir.security.v1.ListPeersResponse & reservoir.security.v1.ListPeersResponse.$Shape;
                static create(properties?: reservoir.security.v1.ListPeersResponse.$Properties): reservoir.security.v1.ListPeersResponse;
                static encode(message: reservoir.security.v1.ListPeersResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.ListPeersResponse & reservoir.security.v1.ListPeersResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.ListPeersResponse;
                static toObject(message: reservoir.security.v1.ListPeersResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListPeersResponse {
                interface $Properties {
                    peers?: (reservoir.security.v1.FederationPeer.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.ListPeersResponse.$Properties;
            }

            interface IUpdatePeerRequest extends reservoir.security.v1.UpdatePeerRequest.$Properties {
            }

            class UpdatePeerRequest {
                constructor(properties?: reservoir.security.v1.UpdatePeerRequest.$Properties);
                $unknowns?: Uint8Array[];
                site: string;
                state?: (string|null);
                publicKeyPem?: (string|null);
                static create(properties: reservoir.security.v1.UpdatePeerRequest.$Shape): reservoir.security.v1.UpdatePeerRequest & reservoir.security.v1.UpdatePeerRequest.$Shape;
                static create(properties?: reservoir.security.v1.UpdatePeerRequest.$Properties): reservoir.security.v1.UpdatePeerRequest;
                static encode(message: reservoir.security.v1.UpdatePeerRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.security.v1.UpdatePeerRequest & reservoir.security.v1.UpdatePeerRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.security.v1.UpdatePeerRequest;
                static toObject(message: reservoir.security.v1.UpdatePeerRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace UpdatePeerRequest {
                interface $Properties {
                    site?: (string|null);
                    state?: (string|null);
                    publicKeyPem?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.security.v1.UpdatePeerRequest.$Properties;
            }

            class SecurityService extends $protobuf.rpc.Service {
                constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);
                static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): SecurityService;
                login: reservoir.security.v1.SecurityService.Login;
                logout: reservoir.security.v1.SecurityService.Logout;
                whoAmI: reservoir.security.v1.SecurityService.WhoAmI;
                changePassword: reservoir.security.v1.SecurityService.ChangePassword;
                createOrganization: reservoir.security.v1.SecurityService.CreateOrganization;
                getOrganization: reservoir.security.v1.SecurityService.GetOrganization;
                listOrganizations: reservoir.security.v1.SecurityService.ListOrganizations;
                updateOrganization: reservoir.security.v1.SecurityService.UpdateOrganization;
                createUser: reservoir.security.v1.SecurityService.CreateUser;
                getUser: reservoir.security.v1.SecurityService.GetUser;
                listUsers: reservoir.security.v1.SecurityService.ListUsers;
                updateUser: reservoir.security.v1.SecurityService.UpdateUser;
                setPassword: reservoir.security.v1.SecurityService.SetPassword;
                grantRole: reservoir.security.v1.SecurityService.GrantRole;
                revokeRole: reservoir.security.v1.SecurityService.RevokeRole;
                createApiKey: reservoir.security.v1.SecurityService.CreateApiKey;
                listApiKeys: reservoir.security.v1.SecurityService.ListApiKeys;
                revokeApiKey: reservoir.security.v1.SecurityService.RevokeApiKey;
                createServicePrincipal: reservoir.security.v1.SecurityService.CreateServicePrincipal;
                listServicePrincipals: reservoir.security.v1.SecurityService.ListServicePrincipals;
                getPolicy: reservoir.security.v1.SecurityService.GetPolicy;
                checkPolicy: reservoir.security.v1.SecurityService.CheckPolicy;
                applyPolicy: reservoir.security.v1.SecurityService.ApplyPolicy;
                explainDecision: reservoir.security.v1.SecurityService.ExplainDecision;
                queryAudit: reservoir.security.v1.SecurityService.QueryAudit;
                verifyAudit: reservoir.security.v1.SecurityService.VerifyAudit;
                listSigningKeys: reservoir.security.v1.SecurityService.ListSigningKeys;
                rotateSigningKey: reservoir.security.v1.SecurityService.RotateSigningKey;
                registerPeer: reservoir.security.v1.SecurityService.RegisterPeer;
                listPeers: reservoir.security.v1.SecurityService.ListPeers;
                updatePeer: reservoir.security.v1.SecurityService.UpdatePeer;
            }

            namespace SecurityService {
                type LoginCallback = (error: (Error|null), response?: reservoir.security.v1.LoginResponse) => void;
                type Login = {
                  (request: reservoir.security.v1.ILoginRequest, callback: reservoir.security.v1.SecurityService.LoginCallback): void;
                  (request: reservoir.security.v1.ILoginRequest): Promise<reservoir.security.v1.LoginResponse>;
                  readonly name: "Login";
                  readonly path: "/reservoir.security.v1.SecurityService/Login";
                  readonly requestType: "LoginRequest";
                  readonly responseType: "LoginResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type LogoutCallback = (error: (Error|null), response?: reservoir.security.v1.LogoutResponse) => void;
                type Logout = {
                  (request: reservoir.security.v1.ILogoutRequest, callback: reservoir.security.v1.SecurityService.LogoutCallback): void;
                  (request: reservoir.security.v1.ILogoutRequest): Promise<reservoir.security.v1.LogoutResponse>;
                  readonly name: "Logout";
                  readonly path: "/reservoir.security.v1.SecurityService/Logout";
                  readonly requestType: "LogoutRequest";
                  readonly responseType: "LogoutResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type WhoAmICallback = (error: (Error|null), response?: reservoir.security.v1.Principal) => void;
                type WhoAmI = {
                  (request: reservoir.security.v1.IWhoAmIRequest, callback: reservoir.security.v1.SecurityService.WhoAmICallback): void;
                  (request: reservoir.security.v1.IWhoAmIRequest): Promise<reservoir.security.v1.Principal>;
                  readonly name: "WhoAmI";
                  readonly path: "/reservoir.security.v1.SecurityService/WhoAmI";
                  readonly requestType: "WhoAmIRequest";
                  readonly responseType: "Principal";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ChangePasswordCallback = (error: (Error|null), response?: reservoir.security.v1.ChangePasswordResponse) => void;
                type ChangePassword = {
                  (request: reservoir.security.v1.IChangePasswordRequest, callback: reservoir.security.v1.SecurityService.ChangePasswordCallback): void;
                  (request: reservoir.security.v1.IChangePasswordRequest): Promise<reservoir.security.v1.ChangePasswordResponse>;
                  readonly name: "ChangePassword";
                  readonly path: "/reservoir.security.v1.SecurityService/ChangePassword";
                  readonly requestType: "ChangePasswordRequest";
                  readonly responseType: "ChangePasswordResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type CreateOrganizationCallback = (error: (Error|null), response?: reservoir.security.v1.Organization) => void;
                type CreateOrganization = {
                  (request: reservoir.security.v1.ICreateOrganizationRequest, callback: reservoir.security.v1.SecurityService.CreateOrganizationCallback): void;
                  (request: reservoir.security.v1.ICreateOrganizationRequest): Promise<reservoir.security.v1.Organization>;
                  readonly name: "CreateOrganization";
                  readonly path: "/reservoir.security.v1.SecurityService/CreateOrganization";
                  readonly requestType: "CreateOrganizationRequest";
                  readonly responseType: "Organization";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type GetOrganizationCallback = (error: (Error|null), response?: reservoir.security.v1.Organization) => void;
                type GetOrganization = {
                  (request: reservoir.security.v1.IGetOrganizationRequest, callback: reservoir.security.v1.SecurityService.GetOrganizationCallback): void;
                  (request: reservoir.security.v1.IGetOrganizationRequest): Promise<reservoir.security.v1.Organization>;
                  readonly name: "GetOrganization";
                  readonly path: "/reservoir.security.v1.SecurityService/GetOrganization";
                  readonly requestType: "GetOrganizationRequest";
                  readonly responseType: "Organization";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ListOrganizationsCallback = (error: (Error|null), response?: reservoir.security.v1.ListOrganizationsResponse) => void;
                type ListOrganizations = {
                  (request: reservoir.security.v1.IListOrganizationsRequest, callback: reservoir.security.v1.SecurityService.ListOrganizationsCallback): void;
                  (request: reservoir.security.v1.IListOrganizationsRequest): Promise<reservoir.security.v1.ListOrganizationsResponse>;
                  readonly name: "ListOrganizations";
                  readonly path: "/reservoir.security.v1.SecurityService/ListOrganizations";
                  readonly requestType: "ListOrganizationsRequest";
                  readonly responseType: "ListOrganizationsResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type UpdateOrganizationCallback = (error: (Error|null), response?: reservoir.security.v1.Organization) => void;
                type UpdateOrganization = {
                  (request: reservoir.security.v1.IUpdateOrganizationRequest, callback: reservoir.security.v1.SecurityService.UpdateOrganizationCallback): void;
                  (request: reservoir.security.v1.IUpdateOrganizationRequest): Promise<reservoir.security.v1.Organization>;
                  readonly name: "UpdateOrganization";
                  readonly path: "/reservoir.security.v1.SecurityService/UpdateOrganization";
                  readonly requestType: "UpdateOrganizationRequest";
                  readonly responseType: "Organization";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type CreateUserCallback = (error: (Error|null), response?: reservoir.security.v1.User) => void;
                type CreateUser = {
                  (request: reservoir.security.v1.ICreateUserRequest, callback: reservoir.security.v1.SecurityService.CreateUserCallback): void;
                  (request: reservoir.security.v1.ICreateUserRequest): Promise<reservoir.security.v1.User>;
                  readonly name: "CreateUser";
                  readonly path: "/reservoir.security.v1.SecurityService/CreateUser";
                  readonly requestType: "CreateUserRequest";
                  readonly responseType: "User";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type GetUserCallback = (error: (Error|null), response?: reservoir.security.v1.User) => void;
                type GetUser = {
                  (request: reservoir.security.v1.IGetUserRequest, callback: reservoir.security.v1.SecurityService.GetUserCallback): void;
                  (request: reservoir.security.v1.IGetUserRequest): Promise<reservoir.security.v1.User>;
                  readonly name: "GetUser";
                  readonly path: "/reservoir.security.v1.SecurityService/GetUser";
                  readonly requestType: "GetUserRequest";
                  readonly responseType: "User";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ListUsersCallback = (error: (Error|null), response?: reservoir.security.v1.ListUsersResponse) => void;
                type ListUsers = {
                  (request: reservoir.security.v1.IListUsersRequest, callback: reservoir.security.v1.SecurityService.ListUsersCallback): void;
                  (request: reservoir.security.v1.IListUsersRequest): Promise<reservoir.security.v1.ListUsersResponse>;
                  readonly name: "ListUsers";
                  readonly path: "/reservoir.security.v1.SecurityService/ListUsers";
                  readonly requestType: "ListUsersRequest";
                  readonly responseType: "ListUsersResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type UpdateUserCallback = (error: (Error|null), response?: reservoir.security.v1.User) => void;
                type UpdateUser = {
                  (request: reservoir.security.v1.IUpdateUserRequest, callback: reservoir.security.v1.SecurityService.UpdateUserCallback): void;
                  (request: reservoir.security.v1.IUpdateUserRequest): Promise<reservoir.security.v1.User>;
                  readonly name: "UpdateUser";
                  readonly path: "/reservoir.security.v1.SecurityService/UpdateUser";
                  readonly requestType: "UpdateUserRequest";
                  readonly responseType: "User";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type SetPasswordCallback = (error: (Error|null), response?: reservoir.security.v1.SetPasswordResponse) => void;
                type SetPassword = {
                  (request: reservoir.security.v1.ISetPasswordRequest, callback: reservoir.security.v1.SecurityService.SetPasswordCallback): void;
                  (request: reservoir.security.v1.ISetPasswordRequest): Promise<reservoir.security.v1.SetPasswordResponse>;
                  readonly name: "SetPassword";
                  readonly path: "/reservoir.security.v1.SecurityService/SetPassword";
                  readonly requestType: "SetPasswordRequest";
                  readonly responseType: "SetPasswordResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type GrantRoleCallback = (error: (Error|null), response?: reservoir.security.v1.RoleResponse) => void;
                type GrantRole = {
                  (request: reservoir.security.v1.IRoleRequest, callback: reservoir.security.v1.SecurityService.GrantRoleCallback): void;
                  (request: reservoir.security.v1.IRoleRequest): Promise<reservoir.security.v1.RoleResponse>;
                  readonly name: "GrantRole";
                  readonly path: "/reservoir.security.v1.SecurityService/GrantRole";
                  readonly requestType: "RoleRequest";
                  readonly responseType: "RoleResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type RevokeRoleCallback = (error: (Error|null), response?: reservoir.security.v1.RoleResponse) => void;
                type RevokeRole = {
                  (request: reservoir.security.v1.IRoleRequest, callback: reservoir.security.v1.SecurityService.RevokeRoleCallback): void;
                  (request: reservoir.security.v1.IRoleRequest): Promise<reservoir.security.v1.RoleResponse>;
                  readonly name: "RevokeRole";
                  readonly path: "/reservoir.security.v1.SecurityService/RevokeRole";
                  readonly requestType: "RoleRequest";
                  readonly responseType: "RoleResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type CreateApiKeyCallback = (error: (Error|null), response?: reservoir.security.v1.CreateApiKeyResponse) => void;
                type CreateApiKey = {
                  (request: reservoir.security.v1.ICreateApiKeyRequest, callback: reservoir.security.v1.SecurityService.CreateApiKeyCallback): void;
                  (request: reservoir.security.v1.ICreateApiKeyRequest): Promise<reservoir.security.v1.CreateApiKeyResponse>;
                  readonly name: "CreateApiKey";
                  readonly path: "/reservoir.security.v1.SecurityService/CreateApiKey";
                  readonly requestType: "CreateApiKeyRequest";
                  readonly responseType: "CreateApiKeyResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ListApiKeysCallback = (error: (Error|null), response?: reservoir.security.v1.ListApiKeysResponse) => void;
                type ListApiKeys = {
                  (request: reservoir.security.v1.IListApiKeysRequest, callback: reservoir.security.v1.SecurityService.ListApiKeysCallback): void;
                  (request: reservoir.security.v1.IListApiKeysRequest): Promise<reservoir.security.v1.ListApiKeysResponse>;
                  readonly name: "ListApiKeys";
                  readonly path: "/reservoir.security.v1.SecurityService/ListApiKeys";
                  readonly requestType: "ListApiKeysRequest";
                  readonly responseType: "ListApiKeysResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type RevokeApiKeyCallback = (error: (Error|null), response?: reservoir.security.v1.RevokeApiKeyResponse) => void;
                type RevokeApiKey = {
                  (request: reservoir.security.v1.IRevokeApiKeyRequest, callback: reservoir.security.v1.SecurityService.RevokeApiKeyCallback): void;
                  (request: reservoir.security.v1.IRevokeApiKeyRequest): Promise<reservoir.security.v1.RevokeApiKeyResponse>;
                  readonly name: "RevokeApiKey";
                  readonly path: "/reservoir.security.v1.SecurityService/RevokeApiKey";
                  readonly requestType: "RevokeApiKeyRequest";
                  readonly responseType: "RevokeApiKeyResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type CreateServicePrincipalCallback = (error: (Error|null), response?: reservoir.security.v1.ServicePrincipal) => void;
                type CreateServicePrincipal = {
                  (request: reservoir.security.v1.ICreateServicePrincipalRequest, callback: reservoir.security.v1.SecurityService.CreateServicePrincipalCallback): void;
                  (request: reservoir.security.v1.ICreateServicePrincipalRequest): Promise<reservoir.security.v1.ServicePrincipal>;
                  readonly name: "CreateServicePrincipal";
                  readonly path: "/reservoir.security.v1.SecurityService/CreateServicePrincipal";
                  readonly requestType: "CreateServicePrincipalRequest";
                  readonly responseType: "ServicePrincipal";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ListServicePrincipalsCallback = (error: (Error|null), response?: reservoir.security.v1.ListServicePrincipalsResponse) => void;
                type ListServicePrincipals = {
                  (request: reservoir.security.v1.IListServicePrincipalsRequest, callback: reservoir.security.v1.SecurityService.ListServicePrincipalsCallback): void;
                  (request: reservoir.security.v1.IListServicePrincipalsRequest): Promise<reservoir.security.v1.ListServicePrincipalsResponse>;
                  readonly name: "ListServicePrincipals";
                  readonly path: "/reservoir.security.v1.SecurityService/ListServicePrincipals";
                  readonly requestType: "ListServicePrincipalsRequest";
                  readonly responseType: "ListServicePrincipalsResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type GetPolicyCallback = (error: (Error|null), response?: reservoir.security.v1.PolicyVersion) => void;
                type GetPolicy = {
                  (request: reservoir.security.v1.IGetPolicyRequest, callback: reservoir.security.v1.SecurityService.GetPolicyCallback): void;
                  (request: reservoir.security.v1.IGetPolicyRequest): Promise<reservoir.security.v1.PolicyVersion>;
                  readonly name: "GetPolicy";
                  readonly path: "/reservoir.security.v1.SecurityService/GetPolicy";
                  readonly requestType: "GetPolicyRequest";
                  readonly responseType: "PolicyVersion";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type CheckPolicyCallback = (error: (Error|null), response?: reservoir.security.v1.CheckPolicyResponse) => void;
                type CheckPolicy = {
                  (request: reservoir.security.v1.ICheckPolicyRequest, callback: reservoir.security.v1.SecurityService.CheckPolicyCallback): void;
                  (request: reservoir.security.v1.ICheckPolicyRequest): Promise<reservoir.security.v1.CheckPolicyResponse>;
                  readonly name: "CheckPolicy";
                  readonly path: "/reservoir.security.v1.SecurityService/CheckPolicy";
                  readonly requestType: "CheckPolicyRequest";
                  readonly responseType: "CheckPolicyResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ApplyPolicyCallback = (error: (Error|null), response?: reservoir.security.v1.PolicyVersion) => void;
                type ApplyPolicy = {
                  (request: reservoir.security.v1.IApplyPolicyRequest, callback: reservoir.security.v1.SecurityService.ApplyPolicyCallback): void;
                  (request: reservoir.security.v1.IApplyPolicyRequest): Promise<reservoir.security.v1.PolicyVersion>;
                  readonly name: "ApplyPolicy";
                  readonly path: "/reservoir.security.v1.SecurityService/ApplyPolicy";
                  readonly requestType: "ApplyPolicyRequest";
                  readonly responseType: "PolicyVersion";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ExplainDecisionCallback = (error: (Error|null), response?: reservoir.security.v1.ExplainDecisionResponse) => void;
                type ExplainDecision = {
                  (request: reservoir.security.v1.IExplainDecisionRequest, callback: reservoir.security.v1.SecurityService.ExplainDecisionCallback): void;
                  (request: reservoir.security.v1.IExplainDecisionRequest): Promise<reservoir.security.v1.ExplainDecisionResponse>;
                  readonly name: "ExplainDecision";
                  readonly path: "/reservoir.security.v1.SecurityService/ExplainDecision";
                  readonly requestType: "ExplainDecisionRequest";
                  readonly responseType: "ExplainDecisionResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type QueryAuditCallback = (error: (Error|null), response?: reservoir.security.v1.QueryAuditResponse) => void;
                type QueryAudit = {
                  (request: reservoir.security.v1.IQueryAuditRequest, callback: reservoir.security.v1.SecurityService.QueryAuditCallback): void;
                  (request: reservoir.security.v1.IQueryAuditRequest): Promise<reservoir.security.v1.QueryAuditResponse>;
                  readonly name: "QueryAudit";
                  readonly path: "/reservoir.security.v1.SecurityService/QueryAudit";
                  readonly requestType: "QueryAuditRequest";
                  readonly responseType: "QueryAuditResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type VerifyAuditCallback = (error: (Error|null), response?: reservoir.security.v1.VerifyAuditResponse) => void;
                type VerifyAudit = {
                  (request: reservoir.security.v1.IVerifyAuditRequest, callback: reservoir.security.v1.SecurityService.VerifyAuditCallback): void;
                  (request: reservoir.security.v1.IVerifyAuditRequest): Promise<reservoir.security.v1.VerifyAuditResponse>;
                  readonly name: "VerifyAudit";
                  readonly path: "/reservoir.security.v1.SecurityService/VerifyAudit";
                  readonly requestType: "VerifyAuditRequest";
                  readonly responseType: "VerifyAuditResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ListSigningKeysCallback = (error: (Error|null), response?: reservoir.security.v1.ListSigningKeysResponse) => void;
                type ListSigningKeys = {
                  (request: reservoir.security.v1.IListSigningKeysRequest, callback: reservoir.security.v1.SecurityService.ListSigningKeysCallback): void;
                  (request: reservoir.security.v1.IListSigningKeysRequest): Promise<reservoir.security.v1.ListSigningKeysResponse>;
                  readonly name: "ListSigningKeys";
                  readonly path: "/reservoir.security.v1.SecurityService/ListSigningKeys";
                  readonly requestType: "ListSigningKeysRequest";
                  readonly responseType: "ListSigningKeysResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type RotateSigningKeyCallback = (error: (Error|null), response?: reservoir.security.v1.SigningKey) => void;
                type RotateSigningKey = {
                  (request: reservoir.security.v1.IRotateSigningKeyRequest, callback: reservoir.security.v1.SecurityService.RotateSigningKeyCallback): void;
                  (request: reservoir.security.v1.IRotateSigningKeyRequest): Promise<reservoir.security.v1.SigningKey>;
                  readonly name: "RotateSigningKey";
                  readonly path: "/reservoir.security.v1.SecurityService/RotateSigningKey";
                  readonly requestType: "RotateSigningKeyRequest";
                  readonly responseType: "SigningKey";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type RegisterPeerCallback = (error: (Error|null), response?: reservoir.security.v1.FederationPeer) => void;
                type RegisterPeer = {
                  (request: reservoir.security.v1.IRegisterPeerRequest, callback: reservoir.security.v1.SecurityService.RegisterPeerCallback): void;
                  (request: reservoir.security.v1.IRegisterPeerRequest): Promise<reservoir.security.v1.FederationPeer>;
                  readonly name: "RegisterPeer";
                  readonly path: "/reservoir.security.v1.SecurityService/RegisterPeer";
                  readonly requestType: "RegisterPeerRequest";
                  readonly responseType: "FederationPeer";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ListPeersCallback = (error: (Error|null), response?: reservoir.security.v1.ListPeersResponse) => void;
                type ListPeers = {
                  (request: reservoir.security.v1.IListPeersRequest, callback: reservoir.security.v1.SecurityService.ListPeersCallback): void;
                  (request: reservoir.security.v1.IListPeersRequest): Promise<reservoir.security.v1.ListPeersResponse>;
                  readonly name: "ListPeers";
                  readonly path: "/reservoir.security.v1.SecurityService/ListPeers";
                  readonly requestType: "ListPeersRequest";
                  readonly responseType: "ListPeersResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type UpdatePeerCallback = (error: (Error|null), response?: reservoir.security.v1.FederationPeer) => void;
                type UpdatePeer = {
                  (request: reservoir.security.v1.IUpdatePeerRequest, callback: reservoir.security.v1.SecurityService.UpdatePeerCallback): void;
                  (request: reservoir.security.v1.IUpdatePeerRequest): Promise<reservoir.security.v1.FederationPeer>;
                  readonly name: "UpdatePeer";
                  readonly path: "/reservoir.security.v1.SecurityService/UpdatePeer";
                  readonly requestType: "UpdatePeerRequest";
                  readonly responseType: "FederationPeer";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
            }
        }
    }

    namespace sm {

        namespace v1 {

            interface IInstance extends reservoir.sm.v1.Instance.$Properties {
            }

            class Instance {
                constructor(properties?: reservoir.sm.v1.Instance.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                component: string;
                index: number;
                vmId: string;
                state: string;
                addresses: { [k: string]: string };
                createdAtMs: number;
                vmState: string;
                host: string;
                static create(properties: reservoir.sm.v1.Instance.$Shape): reservoir.sm.v1.Instance & reservoir.sm.v1.Instance.$Shape;
                static create(properties?: reservoir.sm.v1.Instance.$Properties): reservoir.sm.v1.Instance;
                static encode(message: reservoir.sm.v1.Instance.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.sm.v1.Instance & reservoir.sm.v1.Instance.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.sm.v1.Instance;
                static toObject(message: reservoir.sm.v1.Instance, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace Instance {
                interface $Properties {
                    id?: (string|null);
                    component?: (string|null);
                    index?: (number|null);
                    vmId?: (string|null);
                    state?: (string|null);
                    addresses?: ({ [k: string]: string }|null);
                    createdAtMs?: (number|null);
                    vmState?: (string|null);
                    host?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.sm.v1.Instance.$Properties;
            }

            interface IComponentStatus extends reservoir.sm.v1.ComponentStatus.$Properties {
            }

            class ComponentStatus {
                constructor(properties?: reservoir.sm.v1.ComponentStatus.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                name: string;
                min: number;
                max: number;
                initial: number;
                desired: number;
                instances: reservoir.sm.v1.Instance.$Properties[];
                cooldownUntilMs: number;
                startupOrder: number;
                dependsOn: string[];
                cpus: number;
                memoryMib: number;
                static create(properties: reservoir.sm.v1.ComponentStatus.$Shape): reservoir.sm.v1.ComponentStatus & reservoir.sm.v1.ComponentStatus.$Shape;
                static create(properties?: reservoir.sm.v1.ComponentStatus.$Properties): reservoir.sm.v1.ComponentStatus;
                static encode(message: reservoir.sm.v1.ComponentStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.sm.v1.ComponentStatus & reservoir.sm.v1.ComponentStatus.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.sm.v1.ComponentStatus;
                static toObject(message: reservoir.sm.v1.ComponentStatus, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ComponentStatus {
                interface $Properties {
                    id?: (string|null);
                    name?: (string|null);
                    min?: (number|null);
                    max?: (number|null);
                    initial?: (number|null);
                    desired?: (number|null);
                    instances?: (reservoir.sm.v1.Instance.$Properties[]|null);
                    cooldownUntilMs?: (number|null);
                    startupOrder?: (number|null);
                    dependsOn?: (string[]|null);
                    cpus?: (number|null);
                    memoryMib?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.sm.v1.ComponentStatus.$Properties;
            }

            interface IService extends reservoir.sm.v1.Service.$Properties {
            }

            class Service {
                constructor(properties?: reservoir.sm.v1.Service.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                name: string;
                state: string;
                site: string;
                organization: string;
                owner: string;
                reason: string;
                createdAtMs: number;
                stateSinceMs: number;
                taskId: string;
                version: number;
                components: reservoir.sm.v1.ComponentStatus.$Properties[];
                costPerHour: number;
                currency: string;
                manifestJson: string;
                packageDigest: string;
                static create(properties: reservoir.sm.v1.Service.$Shape): reservoir.sm.v1.Service & reservoir.sm.v1.Service.$Shape;
                static create(properties?: reservoir.sm.v1.Service.$Properties): reservoir.sm.v1.Service;
                static encode(message: reservoir.sm.v1.Service.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.sm.v1.Service & reservoir.sm.v1.Service.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.sm.v1.Service;
                static toObject(message: reservoir.sm.v1.Service, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace Service {
                interface $Properties {
                    id?: (string|null);
                    name?: (string|null);
                    state?: (string|null);
                    site?: (string|null);
                    organization?: (string|null);
                    owner?: (string|null);
                    reason?: (string|null);
                    createdAtMs?: (number|null);
                    stateSinceMs?: (number|null);
                    taskId?: (string|null);
                    version?: (number|null);
                    components?: (reservoir.sm.v1.ComponentStatus.$Properties[]|null);
                    costPerHour?: (number|null);
                    currency?: (string|null);
                    manifestJson?: (string|null);
                    packageDigest?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.sm.v1.Service.$Properties;
            }

            interface IDeployServiceRequest extends reservoir.sm.v1.DeployServiceRequest.$Properties {
            }

            class DeployServiceRequest {
                constructor(properties?: reservoir.sm.v1.DeployServiceRequest.$Properties);
                $unknowns?: Uint8Array[];
                manifest: string;
                fileName: string;
                requestId: string;
                organization: string;
                owner: string;
                properties: { [k: string]: string };
                packageManifest: Uint8Array;
                packageCertificate: Uint8Array;
                descriptorName: string;
                static create(properties: reservoir.sm.v1.DeployServiceRequest.$Shape): reservoir.sm.v1.DeployServiceRequest & reservoir.sm.v1.DeployServiceRequest.$Shape;
                static create(properties?: reservoir.sm.v1.DeployServiceRequest.$Properties): reservoir.sm.v1.DeployServiceRequest;
                static encode(message: reservoir.sm.v1.DeployServiceRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.sm.v1.DeployServiceRequest & reservoir.sm.v1.DeployServiceRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.sm.v1.DeployServiceRequest;
                static toObject(message: reservoir.sm.v1.DeployServiceRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace DeployServiceRequest {
                interface $Properties {
                    manifest?: (string|null);
                    fileName?: (string|null);
                    requestId?: (string|null);
                    organization?: (string|null);
                    owner?: (string|null);
                    properties?: ({ [k: string]: string }|null);
                    packageManifest?: (Uint8Array|null);
                    packageCertificate?: (Uint8Array|null);
                    descriptorName?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.sm.v1.DeployServiceRequest.$Properties;
            }

            interface IServiceTaskResponse extends reservoir.sm.v1.ServiceTaskResponse.$Properties {
            }

            class ServiceTaskResponse {
                constructor(properties?: reservoir.sm.v1.ServiceTaskResponse.$Properties);
                $unknowns?: Uint8Array[];
                service?: (reservoir.sm.v1.Service.$Properties|null);
                task?: (reservoir.common.v1.Task.$Properties|null);
                static create(properties: reservoir.sm.v1.ServiceTaskResponse.$Shape): reservoir.sm.v1.ServiceTaskResponse & reservoir.sm.v1.ServiceTaskResponse.$Shape;
                static create(properties?: reservoir.sm.v1.ServiceTaskResponse.$Properties): reservoir.sm.v1.ServiceTaskResponse;
                static encode(message: reservoir.sm.v1.ServiceTaskResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.sm.v1.ServiceTaskResponse & reservoir.sm.v1.ServiceTaskResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.sm.v1.ServiceTaskResponse;
                static toObject(message: reservoir.sm.v1.ServiceTaskResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ServiceTaskResponse {
                interface $Properties {
                    service?: (reservoir.sm.v1.Service.$Properties|null);
                    task?: (reservoir.common.v1.Task.$Properties|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.sm.v1.ServiceTaskResponse.$Properties;
            }

            interface IGetServiceRequest extends reservoir.sm.v1.GetServiceRequest.$Properties {
            }

            class GetServiceRequest {
                constructor(properties?: reservoir.sm.v1.GetServiceRequest.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                static create(properties: reservoir.sm.v1.GetServiceRequest.$Shape): reservoir.sm.v1.GetServiceRequest & reservoir.sm.v1.GetServiceRequest.$Shape;
                static create(properties?: reservoir.sm.v1.GetServiceRequest.$Properties): reservoir.sm.v1.GetServiceRequest;
                static encode(message: reservoir.sm.v1.GetServiceRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.sm.v1.GetServiceRequest & reservoir.sm.v1.GetServiceRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.sm.v1.GetServiceRequest;
                static toObject(message: reservoir.sm.v1.GetServiceRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace GetServiceRequest {
                interface $Properties {
                    id?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.sm.v1.GetServiceRequest.$Properties;
            }

            interface IListServicesRequest extends reservoir.sm.v1.ListServicesRequest.$Properties {
            }

            class ListServicesRequest {
                constructor(properties?: reservoir.sm.v1.ListServicesRequest.$Properties);
                $unknowns?: Uint8Array[];
                organization: string;
                includeFinished: boolean;
                static create(properties: reservoir.sm.v1.ListServicesRequest.$Shape): reservoir.sm.v1.ListServicesRequest & reservoir.sm.v1.ListServicesRequest.$Shape;
                static create(properties?: reservoir.sm.v1.ListServicesRequest.$Properties): reservoir.sm.v1.ListServicesRequest;
                static encode(message: reservoir.sm.v1.ListServicesRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.sm.v1.ListServicesRequest & reservoir.sm.v1.ListServicesRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.sm.v1.ListServicesRequest;
                static toObject(message: reservoir.sm.v1.ListServicesRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListServicesRequest {
                interface $Properties {
                    organization?: (string|null);
                    includeFinished?: (boolean|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.sm.v1.ListServicesRequest.$Properties;
            }

            interface IListServicesResponse extends reservoir.sm.v1.ListServicesResponse.$Properties {
            }

            class ListServicesResponse {
                constructor(properties?: reservoir.sm.v1.ListServicesResponse.$Properties);
                $unknowns?: Uint8Array[];
                services: reservoir.sm.v1.Service.$Properties[];
                static create(properties: reservoir.sm.v1.ListServicesResponse.$Shape): reservoir.sm.v1.ListServicesResponse & reservoir.sm.v1.ListServicesResponse.$Shape;
                static create(properties?: reservoir.sm.v1.ListServicesResponse.$Properties): reservoir.sm.v1.ListServicesResponse;
                static encode(message: reservoir.sm.v1.ListServicesResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.sm.v1.ListServicesResponse & reservoir.sm.v1.ListServicesResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.sm.v1.ListServicesResponse;
                static toObject(message: reservoir.sm.v1.ListServicesResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListServicesResponse {
                interface $Properties {
                    services?: (reservoir.sm.v1.Service.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.sm.v1.ListServicesResponse.$Properties;
            }

            interface IScaleServiceRequest extends reservoir.sm.v1.ScaleServiceRequest.$Properties {
            }

            class ScaleServiceRequest {
                constructor(properties?: reservoir.sm.v1.ScaleServiceRequest.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                component: string;
                instances: number;
                static create(properties: reservoir.sm.v1.ScaleServiceRequest.$Shape): reservoir.sm.v1.ScaleServiceRequest & reservoir.sm.v1.ScaleServiceRequest.$Shape;
                static create(properties?: reservoir.sm.v1.ScaleServiceRequest.$Properties): reservoir.sm.v1.ScaleServiceRequest;
                static encode(message: reservoir.sm.v1.ScaleServiceRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.sm.v1.ScaleServiceRequest & reservoir.sm.v1.ScaleServiceRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.sm.v1.ScaleServiceRequest;
                static toObject(message: reservoir.sm.v1.ScaleServiceRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ScaleServiceRequest {
                interface $Properties {
                    id?: (string|null);
                    component?: (string|null);
                    instances?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.sm.v1.ScaleServiceRequest.$Properties;
            }

            interface ISuspendServiceRequest extends reservoir.sm.v1.SuspendServiceRequest.$Properties {
            }

            class SuspendServiceRequest {
                constructor(properties?: reservoir.sm.v1.SuspendServiceRequest.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                reason: string;
                static create(properties: reservoir.sm.v1.SuspendServiceRequest.$Shape): reservoir.sm.v1.SuspendServiceRequest & reservoir.sm.v1.SuspendServiceRequest.$Shape;
                static create(properties?: reservoir.sm.v1.SuspendServiceRequest.$Properties): reservoir.sm.v1.SuspendServiceRequest;
                static encode(message: reservoir.sm.v1.SuspendServiceRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.sm.v1.SuspendServiceRequest & reservoir.sm.v1.SuspendServiceRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.sm.v1.SuspendServiceRequest;
                static toObject(message: reservoir.sm.v1.SuspendServiceRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace SuspendServiceRequest {
                interface $Properties {
                    id?: (string|null);
                    reason?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.sm.v1.SuspendServiceRequest.$Properties;
            }

            interface IResumeServiceRequest extends reservoir.sm.v1.ResumeServiceRequest.$Properties {
            }

            class ResumeServiceRequest {
                constructor(properties?: reservoir.sm.v1.ResumeServiceRequest.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                static create(properties: reservoir.sm.v1.ResumeServiceRequest.$Shape): reservoir.sm.v1.ResumeServiceRequest & reservoir.sm.v1.ResumeServiceRequest.$Shape;
                static create(properties?: reservoir.sm.v1.ResumeServiceRequest.$Properties): reservoir.sm.v1.ResumeServiceRequest;
                static encode(message: reservoir.sm.v1.ResumeServiceRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.sm.v1.ResumeServiceRequest & reservoir.sm.v1.ResumeServiceRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.sm.v1.ResumeServiceRequest;
                static toObject(message: reservoir.sm.v1.ResumeServiceRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ResumeServiceRequest {
                interface $Properties {
                    id?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.sm.v1.ResumeServiceRequest.$Properties;
            }

            interface IUpdateRulesRequest extends reservoir.sm.v1.UpdateRulesRequest.$Properties {
            }

            class UpdateRulesRequest {
                constructor(properties?: reservoir.sm.v1.UpdateRulesRequest.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                document: string;
                fileName: string;
                static create(properties: reservoir.sm.v1.UpdateRulesRequest.$Shape): reservoir.sm.v1.UpdateRulesRequest & reservoir.sm.v1.UpdateRulesRequest.$Shape;
                static create(properties?: reservoir.sm.v1.UpdateRulesRequest.$Properties): reservoir.sm.v1.UpdateRulesRequest;
                static encode(message: reservoir.sm.v1.UpdateRulesRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.sm.v1.UpdateRulesRequest & reservoir.sm.v1.UpdateRulesRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.sm.v1.UpdateRulesRequest;
                static toObject(message: reservoir.sm.v1.UpdateRulesRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace UpdateRulesRequest {
                interface $Properties {
                    id?: (string|null);
                    document?: (string|null);
                    fileName?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.sm.v1.UpdateRulesRequest.$Properties;
            }

            interface IUndeployServiceRequest extends reservoir.sm.v1.UndeployServiceRequest.$Properties {
            }

            class UndeployServiceRequest {
                constructor(properties?: reservoir.sm.v1.UndeployServiceRequest.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                static create(properties: reservoir.sm.v1.UndeployServiceRequest.$Shape): reservoir.sm.v1.UndeployServiceRequest & reservoir.sm.v1.UndeployServiceRequest.$Shape;
                static create(properties?: reservoir.sm.v1.UndeployServiceRequest.$Properties): reservoir.sm.v1.UndeployServiceRequest;
                static encode(message: reservoir.sm.v1.UndeployServiceRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.sm.v1.UndeployServiceRequest & reservoir.sm.v1.UndeployServiceRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.sm.v1.UndeployServiceRequest;
                static toObject(message: reservoir.sm.v1.UndeployServiceRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace UndeployServiceRequest {
                interface $Properties {
                    id?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.sm.v1.UndeployServiceRequest.$Properties;
            }

            enum ServiceRecoverMode {
                SERVICE_RECOVER_MODE_UNSPECIFIED = 0,
                SERVICE_RECOVER_MODE_RETRY = 1,
                SERVICE_RECOVER_MODE_DELETE = 2
            }

            interface IRecoverServiceRequest extends reservoir.sm.v1.RecoverServiceRequest.$Properties {
            }

            class RecoverServiceRequest {
                constructor(properties?: reservoir.sm.v1.RecoverServiceRequest.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                mode: reservoir.sm.v1.ServiceRecoverMode;
                static create(properties: reservoir.sm.v1.RecoverServiceRequest.$Shape): reservoir.sm.v1.RecoverServiceRequest & reservoir.sm.v1.RecoverServiceRequest.$Shape;
                static create(properties?: reservoir.sm.v1.RecoverServiceRequest.$Properties): reservoir.sm.v1.RecoverServiceRequest;
                static encode(message: reservoir.sm.v1.RecoverServiceRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.sm.v1.RecoverServiceRequest & reservoir.sm.v1.RecoverServiceRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.sm.v1.RecoverServiceRequest;
                static toObject(message: reservoir.sm.v1.RecoverServiceRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace RecoverServiceRequest {
                interface $Properties {
                    id?: (string|null);
                    mode?: (reservoir.sm.v1.ServiceRecoverMode|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.sm.v1.RecoverServiceRequest.$Properties;
            }

            interface IExportServiceRequest extends reservoir.sm.v1.ExportServiceRequest.$Properties {
            }

            class ExportServiceRequest {
                constructor(properties?: reservoir.sm.v1.ExportServiceRequest.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                static create(properties: reservoir.sm.v1.ExportServiceRequest.$Shape): reservoir.sm.v1.ExportServiceRequest & reservoir.sm.v1.ExportServiceRequest.$Shape;
                static create(properties?: reservoir.sm.v1.ExportServiceRequest.$Properties): reservoir.sm.v1.ExportServiceRequest;
                static encode(message: reservoir.sm.v1.ExportServiceRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.sm.v1.ExportServiceRequest & reservoir.sm.v1.ExportServiceRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.sm.v1.ExportServiceRequest;
                static toObject(message: reservoir.sm.v1.ExportServiceRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ExportServiceRequest {
                interface $Properties {
                    id?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.sm.v1.ExportServiceRequest.$Properties;
            }

            interface IExportServiceResponse extends reservoir.sm.v1.ExportServiceResponse.$Properties {
            }

            class ExportServiceResponse {
                constructor(properties?: reservoir.sm.v1.ExportServiceResponse.$Properties);
                $unknowns?: Uint8Array[];
                ovf: string;
                static create(properties: reservoir.sm.v1.ExportServiceResponse.$Shape): reservoir.sm.v1.ExportServiceResponse & reservoir.sm.v1.ExportServiceResponse.$Shape;
                static create(properties?: reservoir.sm.v1.ExportServiceResponse.$Properties): reservoir.sm.v1.ExportServiceResponse;
                static encode(message: reservoir.sm.v1.ExportServiceResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.sm.v1.ExportServiceResponse & reservoir.sm.v1.ExportServiceResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.sm.v1.ExportServiceResponse;
                static toObject(message: reservoir.sm.v1.ExportServiceResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ExportServiceResponse {
                interface $Properties {
                    ovf?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.sm.v1.ExportServiceResponse.$Properties;
            }

            interface IServiceEvent extends reservoir.sm.v1.ServiceEvent.$Properties {
            }

            class ServiceEvent {
                constructor(properties?: reservoir.sm.v1.ServiceEvent.$Properties);
                $unknowns?: Uint8Array[];
                seq: number;
                timeMs: number;
                kind: string;
                component: string;
                ruleId: string;
                from: number;
                to: number;
                reason: string;
                taskId: string;
                static create(properties: reservoir.sm.v1.ServiceEvent.$Shape): reservoir.sm.v1.ServiceEvent & reservoir.sm.v1.ServiceEvent.$Shape;
                static create(properties?: reservoir.sm.v1.ServiceEvent.$Properties): reservoir.sm.v1.ServiceEvent;
                static encode(message: reservoir.sm.v1.ServiceEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.sm.v1.ServiceEvent & reservoir.sm.v1.ServiceEvent.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.sm.v1.ServiceEvent;
                static toObject(message: reservoir.sm.v1.ServiceEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ServiceEvent {
                interface $Properties {
                    seq?: (number|null);
                    timeMs?: (number|null);
                    kind?: (string|null);
                    component?: (string|null);
                    ruleId?: (string|null);
                    from?: (number|null);
                    to?: (number|null);
                    reason?: (string|null);
                    taskId?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.sm.v1.ServiceEvent.$Properties;
            }

            interface IListEventsRequest extends reservoir.sm.v1.ListEventsRequest.$Properties {
            }

            class ListEventsRequest {
                constructor(properties?: reservoir.sm.v1.ListEventsRequest.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                afterSeq: number;
                limit: number;
                static create(properties: reservoir.sm.v1.ListEventsRequest.$Shape): reservoir.sm.v1.ListEventsRequest & reservoir.sm.v1.ListEventsRequest.$Shape;
                static create(properties?: reservoir.sm.v1.ListEventsRequest.$Properties): reservoir.sm.v1.ListEventsRequest;
                static encode(message: reservoir.sm.v1.ListEventsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.sm.v1.ListEventsRequest & reservoir.sm.v1.ListEventsRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.sm.v1.ListEventsRequest;
                static toObject(message: reservoir.sm.v1.ListEventsRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListEventsRequest {
                interface $Properties {
                    id?: (string|null);
                    afterSeq?: (number|null);
                    limit?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.sm.v1.ListEventsRequest.$Properties;
            }

            interface IListEventsResponse extends reservoir.sm.v1.ListEventsResponse.$Properties {
            }

            class ListEventsResponse {
                constructor(properties?: reservoir.sm.v1.ListEventsResponse.$Properties);
                $unknowns?: Uint8Array[];
                events: reservoir.sm.v1.ServiceEvent.$Properties[];
                static create(properties: reservoir.sm.v1.ListEventsResponse.$Shape): reservoir.sm.v1.ListEventsResponse & reservoir.sm.v1.ListEventsResponse.$Shape;
                static create(properties?: reservoir.sm.v1.ListEventsResponse.$Properties): reservoir.sm.v1.ListEventsResponse;
                static encode(message: reservoir.sm.v1.ListEventsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.sm.v1.ListEventsResponse & reservoir.sm.v1.ListEventsResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.sm.v1.ListEventsResponse;
                static toObject(message: reservoir.sm.v1.ListEventsResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListEventsResponse {
                interface $Properties {
                    events?: (reservoir.sm.v1.ServiceEvent.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.sm.v1.ListEventsResponse.$Properties;
            }

            interface IGetInstanceEnvironmentRequest extends reservoir.sm.v1.GetInstanceEnvironmentRequest.$Properties {
            }

            class GetInstanceEnvironmentRequest {
                constructor(properties?: reservoir.sm.v1.GetInstanceEnvironmentRequest.$Properties);
                $unknowns?: Uint8Array[];
                serviceId: string;
                instanceId: string;
                static create(properties: reservoir.sm.v1.GetInstanceEnvironmentRequest.$Shape): reservoir.sm.v1.GetInstanceEnvironmentRequest & reservoir.sm.v1.GetInstanceEnvironmentRequest.$Shape;
                static create(properties?: reservoir.sm.v1.GetInstanceEnvironmentRequest.$Properties): reservoir.sm.v1.GetInstanceEnvironmentRequest;
                static encode(message: reservoir.sm.v1.GetInstanceEnvironmentRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.sm.v1.GetInstanceEnvironmentRequest & reservoir.sm.v1.GetInstanceEnvironmentRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.sm.v1.GetInstanceEnvironmentRequest;
                static toObject(message: reservoir.sm.v1.GetInstanceEnvironmentRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace GetInstanceEnvironmentRequest {
                interface $Properties {
                    serviceId?: (string|null);
                    instanceId?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.sm.v1.GetInstanceEnvironmentRequest.$Properties;
            }

            interface IInstanceEnvironment extends reservoir.sm.v1.InstanceEnvironment.$Properties {
            }

            class InstanceEnvironment {
                constructor(properties?: reservoir.sm.v1.InstanceEnvironment.$Properties);
                $unknowns?: Uint8Array[];
                instanceId: string;
                document: string;
                properties: { [k: string]: string };
                static create(properties: reservoir.sm.v1.InstanceEnvironment.$Shape): reservoir.sm.v1.InstanceEnvironment & reservoir.sm.v1.InstanceEnvironment.$Shape;
                static create(properties?: reservoir.sm.v1.InstanceEnvironment.$Properties): reservoir.sm.v1.InstanceEnvironment;
                static encode(message: reservoir.sm.v1.InstanceEnvironment.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.sm.v1.InstanceEnvironment & reservoir.sm.v1.InstanceEnvironment.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.sm.v1.InstanceEnvironment;
                static toObject(message: reservoir.sm.v1.InstanceEnvironment, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace InstanceEnvironment {
                interface $Properties {
                    instanceId?: (string|null);
                    document?: (string|null);
                    properties?: ({ [k: string]: string }|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.sm.v1.InstanceEnvironment.$Properties;
            }

            interface IEstimateCostRequest extends reservoir.sm.v1.EstimateCostRequest.$Properties {
            }

            class EstimateCostRequest {
                constructor(properties?: reservoir.sm.v1.EstimateCostRequest.$Properties);
                $unknowns?: Uint8Array[];
                manifest: string;
                fileName: string;
                static create(properties: reservoir.sm.v1.EstimateCostRequest.$Shape): reservoir.sm.v1.EstimateCostRequest & reservoir.sm.v1.EstimateCostRequest.$Shape;
                static create(properties?: reservoir.sm.v1.EstimateCostRequest.$Properties): reservoir.sm.v1.EstimateCostRequest;
                static encode(message: reservoir.sm.v1.EstimateCostRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.sm.v1.EstimateCostRequest & reservoir.sm.v1.EstimateCostRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.sm.v1.EstimateCostRequest;
                static toObject(message: reservoir.sm.v1.EstimateCostRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace EstimateCostRequest {
                interface $Properties {
                    manifest?: (string|null);
                    fileName?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.sm.v1.EstimateCostRequest.$Properties;
            }

            interface IComponentCost extends reservoir.sm.v1.ComponentCost.$Properties {
            }

            class ComponentCost {
                constructor(properties?: reservoir.sm.v1.ComponentCost.$Properties);
                $unknowns?: Uint8Array[];
                component: string;
                perInstanceHour: number;
                atInitial: number;
                atMax: number;
                static create(properties: reservoir.sm.v1.ComponentCost.$Shape): reservoir.sm.v1.ComponentCost & reservoir.sm.v1.ComponentCost.$Shape;
                static create(properties?: reservoir.sm.v1.ComponentCost.$Properties): reservoir.sm.v1.ComponentCost;
                static encode(message: reservoir.sm.v1.ComponentCost.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.sm.v1.ComponentCost & reservoir.sm.v1.ComponentCost.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.sm.v1.ComponentCost;
                static toObject(message: reservoir.sm.v1.ComponentCost, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ComponentCost {
                interface $Properties {
                    component?: (string|null);
                    perInstanceHour?: (number|null);
                    atInitial?: (number|null);
                    atMax?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.sm.v1.ComponentCost.$Properties;
            }

            interface ICostEstimate extends reservoir.sm.v1.CostEstimate.$Properties {
            }

            class CostEstimate {
                constructor(properties?: reservoir.sm.v1.CostEstimate.$Properties);
                $unknowns?: Uint8Array[];
                perHourAtInitial: number;
                perHourAtMax: number;
                currency: string;
                components: reservoir.sm.v1.ComponentCost.$Properties[];
                budgetPerHour: number;
                static create(properties: reservoir.sm.v1.CostEstimate.$Shape): reservoir.sm.v1.CostEstimate & reservoir.sm.v1.CostEstimate.$Shape;
                static create(properties?: reservoir.sm.v1.CostEstimate.$Properties): reservoir.sm.v1.CostEstimate;
                static encode(message: reservoir.sm.v1.CostEstimate.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.sm.v1.CostEstimate & reservoir.sm.v1.CostEstimate.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.sm.v1.CostEstimate;
                static toObject(message: reservoir.sm.v1.CostEstimate, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace CostEstimate {
                interface $Properties {
                    perHourAtInitial?: (number|null);
                    perHourAtMax?: (number|null);
                    currency?: (string|null);
                    components?: (reservoir.sm.v1.ComponentCost.$Properties[]|null);
                    budgetPerHour?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.sm.v1.CostEstimate.$Properties;
            }

            class ServiceManagerService extends $protobuf.rpc.Service {
                constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);
                static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): ServiceManagerService;
                deployService: reservoir.sm.v1.ServiceManagerService.DeployService;
                getService: reservoir.sm.v1.ServiceManagerService.GetService;
                listServices: reservoir.sm.v1.ServiceManagerService.ListServices;
                scaleService: reservoir.sm.v1.ServiceManagerService.ScaleService;
                updateRules: reservoir.sm.v1.ServiceManagerService.UpdateRules;
                undeployService: reservoir.sm.v1.ServiceManagerService.UndeployService;
                suspendService: reservoir.sm.v1.ServiceManagerService.SuspendService;
                resumeService: reservoir.sm.v1.ServiceManagerService.ResumeService;
                recoverService: reservoir.sm.v1.ServiceManagerService.RecoverService;
                exportService: reservoir.sm.v1.ServiceManagerService.ExportService;
                listEvents: reservoir.sm.v1.ServiceManagerService.ListEvents;
                getInstanceEnvironment: reservoir.sm.v1.ServiceManagerService.GetInstanceEnvironment;
                estimateCost: reservoir.sm.v1.ServiceManagerService.EstimateCost;
            }

            namespace ServiceManagerService {
                type DeployServiceCallback = (error: (Error|null), response?: reservoir.sm.v1.ServiceTaskResponse) => void;
                type DeployService = {
                  (request: reservoir.sm.v1.IDeployServiceRequest, callback: reservoir.sm.v1.ServiceManagerService.DeployServiceCallback): void;
                  (request: reservoir.sm.v1.IDeployServiceRequest): Promise<reservoir.sm.v1.ServiceTaskResponse>;
                  readonly name: "DeployService";
                  readonly path: "/reservoir.sm.v1.ServiceManagerService/DeployService";
                  readonly requestType: "DeployServiceRequest";
                  readonly responseType: "ServiceTaskResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type GetServiceCallback = (error: (Error|null), response?: reservoir.sm.v1.Service) => void;
                type GetService = {
                  (request: reservoir.sm.v1.IGetServiceRequest, callback: reservoir.sm.v1.ServiceManagerService.GetServiceCallback): void;
                  (request: reservoir.sm.v1.IGetServiceRequest): Promise<reservoir.sm.v1.Service>;
                  readonly name: "GetService";
                  readonly path: "/reservoir.sm.v1.ServiceManagerService/GetService";
                  readonly requestType: "GetServiceRequest";
                  readonly responseType: "Service";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ListServicesCallback = (error: (Error|null), response?: reservoir.sm.v1.ListServicesResponse) => void;
                type ListServices = {
                  (request: reservoir.sm.v1.IListServicesRequest, callback: reservoir.sm.v1.ServiceManagerService.ListServicesCallback): void;
                  (request: reservoir.sm.v1.IListServicesRequest): Promise<reservoir.sm.v1.ListServicesResponse>;
                  readonly name: "ListServices";
                  readonly path: "/reservoir.sm.v1.ServiceManagerService/ListServices";
                  readonly requestType: "ListServicesRequest";
                  readonly responseType: "ListServicesResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ScaleServiceCallback = (error: (Error|null), response?: reservoir.sm.v1.ServiceTaskResponse) => void;
                type ScaleService = {
                  (request: reservoir.sm.v1.IScaleServiceRequest, callback: reservoir.sm.v1.ServiceManagerService.ScaleServiceCallback): void;
                  (request: reservoir.sm.v1.IScaleServiceRequest): Promise<reservoir.sm.v1.ServiceTaskResponse>;
                  readonly name: "ScaleService";
                  readonly path: "/reservoir.sm.v1.ServiceManagerService/ScaleService";
                  readonly requestType: "ScaleServiceRequest";
                  readonly responseType: "ServiceTaskResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type UpdateRulesCallback = (error: (Error|null), response?: reservoir.sm.v1.ServiceTaskResponse) => void;
                type UpdateRules = {
                  (request: reservoir.sm.v1.IUpdateRulesRequest, callback: reservoir.sm.v1.ServiceManagerService.UpdateRulesCallback): void;
                  (request: reservoir.sm.v1.IUpdateRulesRequest): Promise<reservoir.sm.v1.ServiceTaskResponse>;
                  readonly name: "UpdateRules";
                  readonly path: "/reservoir.sm.v1.ServiceManagerService/UpdateRules";
                  readonly requestType: "UpdateRulesRequest";
                  readonly responseType: "ServiceTaskResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type UndeployServiceCallback = (error: (Error|null), response?: reservoir.sm.v1.ServiceTaskResponse) => void;
                type UndeployService = {
                  (request: reservoir.sm.v1.IUndeployServiceRequest, callback: reservoir.sm.v1.ServiceManagerService.UndeployServiceCallback): void;
                  (request: reservoir.sm.v1.IUndeployServiceRequest): Promise<reservoir.sm.v1.ServiceTaskResponse>;
                  readonly name: "UndeployService";
                  readonly path: "/reservoir.sm.v1.ServiceManagerService/UndeployService";
                  readonly requestType: "UndeployServiceRequest";
                  readonly responseType: "ServiceTaskResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type SuspendServiceCallback = (error: (Error|null), response?: reservoir.sm.v1.ServiceTaskResponse) => void;
                type SuspendService = {
                  (request: reservoir.sm.v1.ISuspendServiceRequest, callback: reservoir.sm.v1.ServiceManagerService.SuspendServiceCallback): void;
                  (request: reservoir.sm.v1.ISuspendServiceRequest): Promise<reservoir.sm.v1.ServiceTaskResponse>;
                  readonly name: "SuspendService";
                  readonly path: "/reservoir.sm.v1.ServiceManagerService/SuspendService";
                  readonly requestType: "SuspendServiceRequest";
                  readonly responseType: "ServiceTaskResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ResumeServiceCallback = (error: (Error|null), response?: reservoir.sm.v1.ServiceTaskResponse) => void;
                type ResumeService = {
                  (request: reservoir.sm.v1.IResumeServiceRequest, callback: reservoir.sm.v1.ServiceManagerService.ResumeServiceCallback): void;
                  (request: reservoir.sm.v1.IResumeServiceRequest): Promise<reservoir.sm.v1.ServiceTaskResponse>;
                  readonly name: "ResumeService";
                  readonly path: "/reservoir.sm.v1.ServiceManagerService/ResumeService";
                  readonly requestType: "ResumeServiceRequest";
                  readonly responseType: "ServiceTaskResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type RecoverServiceCallback = (error: (Error|null), response?: reservoir.sm.v1.ServiceTaskResponse) => void;
                type RecoverService = {
                  (request: reservoir.sm.v1.IRecoverServiceRequest, callback: reservoir.sm.v1.ServiceManagerService.RecoverServiceCallback): void;
                  (request: reservoir.sm.v1.IRecoverServiceRequest): Promise<reservoir.sm.v1.ServiceTaskResponse>;
                  readonly name: "RecoverService";
                  readonly path: "/reservoir.sm.v1.ServiceManagerService/RecoverService";
                  readonly requestType: "RecoverServiceRequest";
                  readonly responseType: "ServiceTaskResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ExportServiceCallback = (error: (Error|null), response?: reservoir.sm.v1.ExportServiceResponse) => void;
                type ExportService = {
                  (request: reservoir.sm.v1.IExportServiceRequest, callback: reservoir.sm.v1.ServiceManagerService.ExportServiceCallback): void;
                  (request: reservoir.sm.v1.IExportServiceRequest): Promise<reservoir.sm.v1.ExportServiceResponse>;
                  readonly name: "ExportService";
                  readonly path: "/reservoir.sm.v1.ServiceManagerService/ExportService";
                  readonly requestType: "ExportServiceRequest";
                  readonly responseType: "ExportServiceResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ListEventsCallback = (error: (Error|null), response?: reservoir.sm.v1.ListEventsResponse) => void;
                type ListEvents = {
                  (request: reservoir.sm.v1.IListEventsRequest, callback: reservoir.sm.v1.ServiceManagerService.ListEventsCallback): void;
                  (request: reservoir.sm.v1.IListEventsRequest): Promise<reservoir.sm.v1.ListEventsResponse>;
                  readonly name: "ListEvents";
                  readonly path: "/reservoir.sm.v1.ServiceManagerService/ListEvents";
                  readonly requestType: "ListEventsRequest";
                  readonly responseType: "ListEventsResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type GetInstanceEnvironmentCallback = (error: (Error|null), response?: reservoir.sm.v1.InstanceEnvironment) => void;
                type GetInstanceEnvironment = {
                  (request: reservoir.sm.v1.IGetInstanceEnvironmentRequest, callback: reservoir.sm.v1.ServiceManagerService.GetInstanceEnvironmentCallback): void;
                  (request: reservoir.sm.v1.IGetInstanceEnvironmentRequest): Promise<reservoir.sm.v1.InstanceEnvironment>;
                  readonly name: "GetInstanceEnvironment";
                  readonly path: "/reservoir.sm.v1.ServiceManagerService/GetInstanceEnvironment";
                  readonly requestType: "GetInstanceEnvironmentRequest";
                  readonly responseType: "InstanceEnvironment";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type EstimateCostCallback = (error: (Error|null), response?: reservoir.sm.v1.CostEstimate) => void;
                type EstimateCost = {
                  (request: reservoir.sm.v1.IEstimateCostRequest, callback: reservoir.sm.v1.ServiceManagerService.EstimateCostCallback): void;
                  (request: reservoir.sm.v1.IEstimateCostRequest): Promise<reservoir.sm.v1.CostEstimate>;
                  readonly name: "EstimateCost";
                  readonly path: "/reservoir.sm.v1.ServiceManagerService/EstimateCost";
                  readonly requestType: "EstimateCostRequest";
                  readonly responseType: "CostEstimate";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
            }
        }
    }

    namespace veeh {

        namespace v1 {

            class HostAgent extends $protobuf.rpc.Service {
                constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);
                static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): HostAgent;
                listAgentHosts: reservoir.veeh.v1.HostAgent.ListAgentHosts;
                describeHost: reservoir.veeh.v1.HostAgent.DescribeHost;
                monitor: reservoir.veeh.v1.HostAgent.Monitor;
                createDomain: reservoir.veeh.v1.HostAgent.CreateDomain;
                getDomain: reservoir.veeh.v1.HostAgent.GetDomain;
                startDomain: reservoir.veeh.v1.HostAgent.StartDomain;
                shutdownDomain: reservoir.veeh.v1.HostAgent.ShutdownDomain;
                destroyDomain: reservoir.veeh.v1.HostAgent.DestroyDomain;
                suspendDomain: reservoir.veeh.v1.HostAgent.SuspendDomain;
                resumeDomain: reservoir.veeh.v1.HostAgent.ResumeDomain;
                rebootDomain: reservoir.veeh.v1.HostAgent.RebootDomain;
                snapshotDomain: reservoir.veeh.v1.HostAgent.SnapshotDomain;
                revertDomain: reservoir.veeh.v1.HostAgent.RevertDomain;
                deleteSnapshot: reservoir.veeh.v1.HostAgent.DeleteSnapshot;
                resizeDomain: reservoir.veeh.v1.HostAgent.ResizeDomain;
                attachDisk: reservoir.veeh.v1.HostAgent.AttachDisk;
                detachDisk: reservoir.veeh.v1.HostAgent.DetachDisk;
                attachNic: reservoir.veeh.v1.HostAgent.AttachNic;
                detachNic: reservoir.veeh.v1.HostAgent.DetachNic;
                prepareIncoming: reservoir.veeh.v1.HostAgent.PrepareIncoming;
                migrateDomain: reservoir.veeh.v1.HostAgent.MigrateDomain;
                receiveMigration: reservoir.veeh.v1.HostAgent.ReceiveMigration;
                abortIncoming: reservoir.veeh.v1.HostAgent.AbortIncoming;
                cancelMigration: reservoir.veeh.v1.HostAgent.CancelMigration;
                batch: reservoir.veeh.v1.HostAgent.Batch;
            }

            namespace HostAgent {
                type ListAgentHostsCallback = (error: (Error|null), response?: reservoir.veeh.v1.ListAgentHostsResponse) => void;
                type ListAgentHosts = {
                  (request: reservoir.veeh.v1.IListAgentHostsRequest, callback: reservoir.veeh.v1.HostAgent.ListAgentHostsCallback): void;
                  (request: reservoir.veeh.v1.IListAgentHostsRequest): Promise<reservoir.veeh.v1.ListAgentHostsResponse>;
                  readonly name: "ListAgentHosts";
                  readonly path: "/reservoir.veeh.v1.HostAgent/ListAgentHosts";
                  readonly requestType: "ListAgentHostsRequest";
                  readonly responseType: "ListAgentHostsResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type DescribeHostCallback = (error: (Error|null), response?: reservoir.veeh.v1.HostDescription) => void;
                type DescribeHost = {
                  (request: reservoir.veeh.v1.IHostRef, callback: reservoir.veeh.v1.HostAgent.DescribeHostCallback): void;
                  (request: reservoir.veeh.v1.IHostRef): Promise<reservoir.veeh.v1.HostDescription>;
                  readonly name: "DescribeHost";
                  readonly path: "/reservoir.veeh.v1.HostAgent/DescribeHost";
                  readonly requestType: "HostRef";
                  readonly responseType: "HostDescription";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type MonitorCallback = (error: (Error|null), response?: reservoir.veeh.v1.MonitorResponse) => void;
                type Monitor = {
                  (request: reservoir.veeh.v1.IMonitorRequest, callback: reservoir.veeh.v1.HostAgent.MonitorCallback): void;
                  (request: reservoir.veeh.v1.IMonitorRequest): Promise<reservoir.veeh.v1.MonitorResponse>;
                  readonly name: "Monitor";
                  readonly path: "/reservoir.veeh.v1.HostAgent/Monitor";
                  readonly requestType: "MonitorRequest";
                  readonly responseType: "MonitorResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type CreateDomainCallback = (error: (Error|null), response?: reservoir.veeh.v1.Domain) => void;
                type CreateDomain = {
                  (request: reservoir.veeh.v1.ICreateDomainRequest, callback: reservoir.veeh.v1.HostAgent.CreateDomainCallback): void;
                  (request: reservoir.veeh.v1.ICreateDomainRequest): Promise<reservoir.veeh.v1.Domain>;
                  readonly name: "CreateDomain";
                  readonly path: "/reservoir.veeh.v1.HostAgent/CreateDomain";
                  readonly requestType: "CreateDomainRequest";
                  readonly responseType: "Domain";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type GetDomainCallback = (error: (Error|null), response?: reservoir.veeh.v1.Domain) => void;
                type GetDomain = {
                  (request: reservoir.veeh.v1.IDomainRef, callback: reservoir.veeh.v1.HostAgent.GetDomainCallback): void;
                  (request: reservoir.veeh.v1.IDomainRef): Promise<reservoir.veeh.v1.Domain>;
                  readonly name: "GetDomain";
                  readonly path: "/reservoir.veeh.v1.HostAgent/GetDomain";
                  readonly requestType: "DomainRef";
                  readonly responseType: "Domain";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type StartDomainCallback = (error: (Error|null), response?: reservoir.veeh.v1.Domain) => void;
                type StartDomain = {
                  (request: reservoir.veeh.v1.IDomainRef, callback: reservoir.veeh.v1.HostAgent.StartDomainCallback): void;
                  (request: reservoir.veeh.v1.IDomainRef): Promise<reservoir.veeh.v1.Domain>;
                  readonly name: "StartDomain";
                  readonly path: "/reservoir.veeh.v1.HostAgent/StartDomain";
                  readonly requestType: "DomainRef";
                  readonly responseType: "Domain";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ShutdownDomainCallback = (error: (Error|null), response?: reservoir.veeh.v1.Domain) => void;
                type ShutdownDomain = {
                  (request: reservoir.veeh.v1.IShutdownDomainRequest, callback: reservoir.veeh.v1.HostAgent.ShutdownDomainCallback): void;
                  (request: reservoir.veeh.v1.IShutdownDomainRequest): Promise<reservoir.veeh.v1.Domain>;
                  readonly name: "ShutdownDomain";
                  readonly path: "/reservoir.veeh.v1.HostAgent/ShutdownDomain";
                  readonly requestType: "ShutdownDomainRequest";
                  readonly responseType: "Domain";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type DestroyDomainCallback = (error: (Error|null), response?: reservoir.veeh.v1.DestroyDomainResponse) => void;
                type DestroyDomain = {
                  (request: reservoir.veeh.v1.IDomainRef, callback: reservoir.veeh.v1.HostAgent.DestroyDomainCallback): void;
                  (request: reservoir.veeh.v1.IDomainRef): Promise<reservoir.veeh.v1.DestroyDomainResponse>;
                  readonly name: "DestroyDomain";
                  readonly path: "/reservoir.veeh.v1.HostAgent/DestroyDomain";
                  readonly requestType: "DomainRef";
                  readonly responseType: "DestroyDomainResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type SuspendDomainCallback = (error: (Error|null), response?: reservoir.veeh.v1.Domain) => void;
                type SuspendDomain = {
                  (request: reservoir.veeh.v1.IDomainRef, callback: reservoir.veeh.v1.HostAgent.SuspendDomainCallback): void;
                  (request: reservoir.veeh.v1.IDomainRef): Promise<reservoir.veeh.v1.Domain>;
                  readonly name: "SuspendDomain";
                  readonly path: "/reservoir.veeh.v1.HostAgent/SuspendDomain";
                  readonly requestType: "DomainRef";
                  readonly responseType: "Domain";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ResumeDomainCallback = (error: (Error|null), response?: reservoir.veeh.v1.Domain) => void;
                type ResumeDomain = {
                  (request: reservoir.veeh.v1.IDomainRef, callback: reservoir.veeh.v1.HostAgent.ResumeDomainCallback): void;
                  (request: reservoir.veeh.v1.IDomainRef): Promise<reservoir.veeh.v1.Domain>;
                  readonly name: "ResumeDomain";
                  readonly path: "/reservoir.veeh.v1.HostAgent/ResumeDomain";
                  readonly requestType: "DomainRef";
                  readonly responseType: "Domain";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type RebootDomainCallback = (error: (Error|null), response?: reservoir.veeh.v1.Domain) => void;
                type RebootDomain = {
                  (request: reservoir.veeh.v1.IDomainRef, callback: reservoir.veeh.v1.HostAgent.RebootDomainCallback): void;
                  (request: reservoir.veeh.v1.IDomainRef): Promise<reservoir.veeh.v1.Domain>;
                  readonly name: "RebootDomain";
                  readonly path: "/reservoir.veeh.v1.HostAgent/RebootDomain";
                  readonly requestType: "DomainRef";
                  readonly responseType: "Domain";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type SnapshotDomainCallback = (error: (Error|null), response?: reservoir.veeh.v1.Domain) => void;
                type SnapshotDomain = {
                  (request: reservoir.veeh.v1.ISnapshotRequest, callback: reservoir.veeh.v1.HostAgent.SnapshotDomainCallback): void;
                  (request: reservoir.veeh.v1.ISnapshotRequest): Promise<reservoir.veeh.v1.Domain>;
                  readonly name: "SnapshotDomain";
                  readonly path: "/reservoir.veeh.v1.HostAgent/SnapshotDomain";
                  readonly requestType: "SnapshotRequest";
                  readonly responseType: "Domain";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type RevertDomainCallback = (error: (Error|null), response?: reservoir.veeh.v1.Domain) => void;
                type RevertDomain = {
                  (request: reservoir.veeh.v1.ISnapshotRequest, callback: reservoir.veeh.v1.HostAgent.RevertDomainCallback): void;
                  (request: reservoir.veeh.v1.ISnapshotRequest): Promise<reservoir.veeh.v1.Domain>;
                  readonly name: "RevertDomain";
                  readonly path: "/reservoir.veeh.v1.HostAgent/RevertDomain";
                  readonly requestType: "SnapshotRequest";
                  readonly responseType: "Domain";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type DeleteSnapshotCallback = (error: (Error|null), response?: reservoir.veeh.v1.Domain) => void;
                type DeleteSnapshot = {
                  (request: reservoir.veeh.v1.ISnapshotRequest, callback: reservoir.veeh.v1.HostAgent.DeleteSnapshotCallback): void;
                  (request: reservoir.veeh.v1.ISnapshotRequest): Promise<reservoir.veeh.v1.Domain>;
                  readonly name: "DeleteSnapshot";
                  readonly path: "/reservoir.veeh.v1.HostAgent/DeleteSnapshot";
                  readonly requestType: "SnapshotRequest";
                  readonly responseType: "Domain";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ResizeDomainCallback = (error: (Error|null), response?: reservoir.veeh.v1.Domain) => void;
                type ResizeDomain = {
                  (request: reservoir.veeh.v1.IResizeDomainRequest, callback: reservoir.veeh.v1.HostAgent.ResizeDomainCallback): void;
                  (request: reservoir.veeh.v1.IResizeDomainRequest): Promise<reservoir.veeh.v1.Domain>;
                  readonly name: "ResizeDomain";
                  readonly path: "/reservoir.veeh.v1.HostAgent/ResizeDomain";
                  readonly requestType: "ResizeDomainRequest";
                  readonly responseType: "Domain";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type AttachDiskCallback = (error: (Error|null), response?: reservoir.veeh.v1.Domain) => void;
                type AttachDisk = {
                  (request: reservoir.veeh.v1.IAttachDiskRequest, callback: reservoir.veeh.v1.HostAgent.AttachDiskCallback): void;
                  (request: reservoir.veeh.v1.IAttachDiskRequest): Promise<reservoir.veeh.v1.Domain>;
                  readonly name: "AttachDisk";
                  readonly path: "/reservoir.veeh.v1.HostAgent/AttachDisk";
                  readonly requestType: "AttachDiskRequest";
                  readonly responseType: "Domain";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type DetachDiskCallback = (error: (Error|null), response?: reservoir.veeh.v1.Domain) => void;
                type DetachDisk = {
                  (request: reservoir.veeh.v1.IDetachRequest, callback: reservoir.veeh.v1.HostAgent.DetachDiskCallback): void;
                  (request: reservoir.veeh.v1.IDetachRequest): Promise<reservoir.veeh.v1.Domain>;
                  readonly name: "DetachDisk";
                  readonly path: "/reservoir.veeh.v1.HostAgent/DetachDisk";
                  readonly requestType: "DetachRequest";
                  readonly responseType: "Domain";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type AttachNicCallback = (error: (Error|null), response?: reservoir.veeh.v1.Domain) => void;
                type AttachNic = {
                  (request: reservoir.veeh.v1.IAttachNicRequest, callback: reservoir.veeh.v1.HostAgent.AttachNicCallback): void;
                  (request: reservoir.veeh.v1.IAttachNicRequest): Promise<reservoir.veeh.v1.Domain>;
                  readonly name: "AttachNic";
                  readonly path: "/reservoir.veeh.v1.HostAgent/AttachNic";
                  readonly requestType: "AttachNicRequest";
                  readonly responseType: "Domain";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type DetachNicCallback = (error: (Error|null), response?: reservoir.veeh.v1.Domain) => void;
                type DetachNic = {
                  (request: reservoir.veeh.v1.IDetachRequest, callback: reservoir.veeh.v1.HostAgent.DetachNicCallback): void;
                  (request: reservoir.veeh.v1.IDetachRequest): Promise<reservoir.veeh.v1.Domain>;
                  readonly name: "DetachNic";
                  readonly path: "/reservoir.veeh.v1.HostAgent/DetachNic";
                  readonly requestType: "DetachRequest";
                  readonly responseType: "Domain";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type PrepareIncomingCallback = (error: (Error|null), response?: reservoir.veeh.v1.Domain) => void;
                type PrepareIncoming = {
                  (request: reservoir.veeh.v1.IPrepareIncomingRequest, callback: reservoir.veeh.v1.HostAgent.PrepareIncomingCallback): void;
                  (request: reservoir.veeh.v1.IPrepareIncomingRequest): Promise<reservoir.veeh.v1.Domain>;
                  readonly name: "PrepareIncoming";
                  readonly path: "/reservoir.veeh.v1.HostAgent/PrepareIncoming";
                  readonly requestType: "PrepareIncomingRequest";
                  readonly responseType: "Domain";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type MigrateDomainCallback = (error: (Error|null), response?: reservoir.veeh.v1.MigrateDomainResponse) => void;
                type MigrateDomain = {
                  (request: reservoir.veeh.v1.IMigrateDomainRequest, callback: reservoir.veeh.v1.HostAgent.MigrateDomainCallback): void;
                  (request: reservoir.veeh.v1.IMigrateDomainRequest): Promise<reservoir.veeh.v1.MigrateDomainResponse>;
                  readonly name: "MigrateDomain";
                  readonly path: "/reservoir.veeh.v1.HostAgent/MigrateDomain";
                  readonly requestType: "MigrateDomainRequest";
                  readonly responseType: "MigrateDomainResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ReceiveMigrationCallback = (error: (Error|null), response?: reservoir.veeh.v1.Domain) => void;
                type ReceiveMigration = {
                  (request: reservoir.veeh.v1.IReceiveMigrationRequest, callback: reservoir.veeh.v1.HostAgent.ReceiveMigrationCallback): void;
                  (request: reservoir.veeh.v1.IReceiveMigrationRequest): Promise<reservoir.veeh.v1.Domain>;
                  readonly name: "ReceiveMigration";
                  readonly path: "/reservoir.veeh.v1.HostAgent/ReceiveMigration";
                  readonly requestType: "ReceiveMigrationRequest";
                  readonly responseType: "Domain";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type AbortIncomingCallback = (error: (Error|null), response?: reservoir.veeh.v1.DestroyDomainResponse) => void;
                type AbortIncoming = {
                  (request: reservoir.veeh.v1.IDomainRef, callback: reservoir.veeh.v1.HostAgent.AbortIncomingCallback): void;
                  (request: reservoir.veeh.v1.IDomainRef): Promise<reservoir.veeh.v1.DestroyDomainResponse>;
                  readonly name: "AbortIncoming";
                  readonly path: "/reservoir.veeh.v1.HostAgent/AbortIncoming";
                  readonly requestType: "DomainRef";
                  readonly responseType: "DestroyDomainResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type CancelMigrationCallback = (error: (Error|null), response?: reservoir.veeh.v1.Domain) => void;
                type CancelMigration = {
                  (request: reservoir.veeh.v1.IDomainRef, callback: reservoir.veeh.v1.HostAgent.CancelMigrationCallback): void;
                  (request: reservoir.veeh.v1.IDomainRef): Promise<reservoir.veeh.v1.Domain>;
                  readonly name: "CancelMigration";
                  readonly path: "/reservoir.veeh.v1.HostAgent/CancelMigration";
                  readonly requestType: "DomainRef";
                  readonly responseType: "Domain";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type BatchCallback = (error: (Error|null), response?: reservoir.veeh.v1.BatchResponse) => void;
                type Batch = {
                  (request: reservoir.veeh.v1.IBatchRequest, callback: reservoir.veeh.v1.HostAgent.BatchCallback): void;
                  (request: reservoir.veeh.v1.IBatchRequest): Promise<reservoir.veeh.v1.BatchResponse>;
                  readonly name: "Batch";
                  readonly path: "/reservoir.veeh.v1.HostAgent/Batch";
                  readonly requestType: "BatchRequest";
                  readonly responseType: "BatchResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
            }

            interface IBatchOp extends reservoir.veeh.v1.BatchOp.$Properties {
            }

            class BatchOp {
                constructor(properties?: reservoir.veeh.v1.BatchOp.$Properties);
                $unknowns?: Uint8Array[];
                create?: (reservoir.veeh.v1.CreateDomainRequest.$Properties|null);
                get?: (reservoir.veeh.v1.DomainRef.$Properties|null);
                start?: (reservoir.veeh.v1.DomainRef.$Properties|null);
                shutdown?: (reservoir.veeh.v1.ShutdownDomainRequest.$Properties|null);
                destroy?: (reservoir.veeh.v1.DomainRef.$Properties|null);
                suspend?: (reservoir.veeh.v1.DomainRef.$Properties|null);
                resume?: (reservoir.veeh.v1.DomainRef.$Properties|null);
                reboot?: (reservoir.veeh.v1.DomainRef.$Properties|null);
                op?: ("create"|"get"|"start"|"shutdown"|"destroy"|"suspend"|"resume"|"reboot");
                static create(properties: reservoir.veeh.v1.BatchOp.$Shape): reservoir.veeh.v1.BatchOp & reservoir.veeh.v1.BatchOp.$Shape;
                static create(properties?: reservoir.veeh.v1.BatchOp.$Properties): reservoir.veeh.v1.BatchOp;
                static encode(message: reservoir.veeh.v1.BatchOp.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veeh.v1.BatchOp & reservoir.veeh.v1.BatchOp.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veeh.v1.BatchOp;
                static toObject(message: reservoir.veeh.v1.BatchOp, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace BatchOp {
                interface $Properties {
                    create?: (reservoir.veeh.v1.CreateDomainRequest.$Properties|null);
                    get?: (reservoir.veeh.v1.DomainRef.$Properties|null);
                    start?: (reservoir.veeh.v1.DomainRef.$Properties|null);
                    shutdown?: (reservoir.veeh.v1.ShutdownDomainRequest.$Properties|null);
                    destroy?: (reservoir.veeh.v1.DomainRef.$Properties|null);
                    suspend?: (reservoir.veeh.v1.DomainRef.$Properties|null);
                    resume?: (reservoir.veeh.v1.DomainRef.$Properties|null);
                    reboot?: (reservoir.veeh.v1.DomainRef.$Properties|null);
                    op?: ("create"|"get"|"start"|"shutdown"|"destroy"|"suspend"|"resume"|"reboot");
                    $unknowns?: Uint8Array[];
                }
                type $Shape = {
                  create?: reservoir.veeh.v1.CreateDomainRequest.$Shape|null;
                  get?: reservoir.veeh.v1.DomainRef.$Shape|null;
                  start?: reservoir.veeh.v1.DomainRef.$Shape|null;
                  shutdown?: reservoir.veeh.v1.ShutdownDomainRequest.$Shape|null;
                  destroy?: reservoir.veeh.v1.DomainRef.$Shape|null;
                  suspend?: reservoir.veeh.v1.DomainRef.$Shape|null;
                  resume?: reservoir.veeh.v1.DomainRef.$Shape|null;
                  reboot?: reservoir.veeh.v1.DomainRef.$Shape|null;
                  $unknowns?: Uint8Array[];
                } & (
                  ({ op?: undefined; create?: null; get?: null; start?: null; shutdown?: null; destroy?: null; suspend?: null; resume?: null; reboot?: null }|{ op?: "create"; create: reservoir.veeh.v1.CreateDomainRequest.$Shape; get?: null; start?: null; shutdown?: null; destroy?: null; suspend?: null; resume?: null; reboot?: null }|{ op?: "get"; create?: null; get: reservoir.veeh.v1.DomainRef.$Shape; start?: null; shutdown?: null; destroy?: null; suspend?: null; resume?: null; reboot?: null }|{ op?: "start"; create?: null; get?: null; start: reservoir.veeh.v1.DomainRef.$Shape; shutdown?: null; destroy?: null; suspend?: null; resume?: null; reboot?: null }|{ op?: "shutdown"; create?: null; get?: null; start?: null; shutdown: reservoir.veeh.v1.ShutdownDomainRequest.$Shape; destroy?: null; suspend?: null; resume?: null; reboot?: null }|{ op?: "destroy"; create?: null; get?: null; start?: null; shutdown?: null; destroy: reservoir.veeh.v1.DomainRef.$Shape; suspend?: null; resume?: null; reboot?: null }|{ op?: "suspend"; create?: null; get?: null; start?: null; shutdown?: null; destroy?: null; suspend: reservoir.veeh.v1.DomainRef.$Shape; resume?: null; reboot?: null }|{ op?: "resume"; create?: null; get?: null; start?: null; shutdown?: null; destroy?: null; suspend?: null; resume: reservoir.veeh.v1.DomainRef.$Shape; reboot?: null }|{ op?: "reboot"; create?: null; get?: null; start?: null; shutdown?: null; destroy?: null; suspend?: null; resume?: null; reboot: reservoir.veeh.v1.DomainRef.$Shape })
                );
            }

            interface IBatchRequest extends reservoir.veeh.v1.BatchRequest.$Properties {
            }

            class BatchRequest {
                constructor(properties?: reservoir.veeh.v1.BatchRequest.$Properties);
                $unknowns?: Uint8Array[];
                ops: reservoir.veeh.v1.BatchOp.$Properties[];
                static create(properties: reservoir.veeh.v1.BatchRequest.$Shape): reservoir.veeh.v1.BatchRequest & reservoir.veeh.v1.BatchRequest.$Shape;
                static create(properties?: reservoir.veeh.v1.BatchRequest.$Properties): reservoir.veeh.v1.BatchRequest;
                static encode(message: reservoir.veeh.v1.BatchRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veeh.v1.BatchRequest & reservoir.veeh.v1.BatchRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veeh.v1.BatchRequest;
                static toObject(message: reservoir.veeh.v1.BatchRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace BatchRequest {
                interface $Properties {
                    ops?: (reservoir.veeh.v1.BatchOp.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = {
                  ops?: reservoir.veeh.v1.BatchOp.$Shape[]|null;
                  $unknowns?: Uint8Array[];
                };
            }

            interface IBatchResult extends reservoir.veeh.v1.BatchResult.$Properties {
            }

            class BatchResult {
                constructor(properties?: reservoir.veeh.v1.BatchResult.$Properties);
                $unknowns?: Uint8Array[];
                domain?: (reservoir.veeh.v1.Domain.$Properties|null);
                existed: boolean;
                errorCode: string;
                errorMessage: string;
                static create(properties: reservoir.veeh.v1.BatchResult.$Shape): reservoir.veeh.v1.BatchResult & reservoir.veeh.v1.BatchResult.$Shape;
                static create(properties?: reservoir.veeh.v1.BatchResult.$Properties): reservoir.veeh.v1.BatchResult;
                static encode(message: reservoir.veeh.v1.BatchResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veeh.v1.BatchResult & reservoir.veeh.v1.BatchResult.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veeh.v1.BatchResult;
                static toObject(message: reservoir.veeh.v1.BatchResult, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace BatchResult {
                interface $Properties {
                    domain?: (reservoir.veeh.v1.Domain.$Properties|null);
                    existed?: (boolean|null);
                    errorCode?: (string|null);
                    errorMessage?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veeh.v1.BatchResult.$Properties;
            }

            interface IBatchResponse extends reservoir.veeh.v1.BatchResponse.$Properties {
            }

            class BatchResponse {
                constructor(properties?: reservoir.veeh.v1.BatchResponse.$Properties);
                $unknowns?: Uint8Array[];
                results: reservoir.veeh.v1.BatchResult.$Properties[];
                static create(properties: reservoir.veeh.v1.BatchResponse.$Shape): reservoir.veeh.v1.BatchResponse & reservoir.veeh.v1.BatchResponse.$Shape;
                static create(properties?: reservoir.veeh.v1.BatchResponse.$Properties): reservoir.veeh.v1.BatchResponse;
                static encode(message: reservoir.veeh.v1.BatchResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veeh.v1.BatchResponse & reservoir.veeh.v1.BatchResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veeh.v1.BatchResponse;
                static toObject(message: reservoir.veeh.v1.BatchResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace BatchResponse {
                interface $Properties {
                    results?: (reservoir.veeh.v1.BatchResult.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veeh.v1.BatchResponse.$Properties;
            }

            interface IHostRef extends reservoir.veeh.v1.HostRef.$Properties {
            }

            class HostRef {
                constructor(properties?: reservoir.veeh.v1.HostRef.$Properties);
                $unknowns?: Uint8Array[];
                hostId: string;
                static create(properties: reservoir.veeh.v1.HostRef.$Shape): reservoir.veeh.v1.HostRef & reservoir.veeh.v1.HostRef.$Shape;
                static create(properties?: reservoir.veeh.v1.HostRef.$Properties): reservoir.veeh.v1.HostRef;
                static encode(message: reservoir.veeh.v1.HostRef.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veeh.v1.HostRef & reservoir.veeh.v1.HostRef.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veeh.v1.HostRef;
                static toObject(message: reservoir.veeh.v1.HostRef, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace HostRef {
                interface $Properties {
                    hostId?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veeh.v1.HostRef.$Properties;
            }

            interface IListAgentHostsRequest extends reservoir.veeh.v1.ListAgentHostsRequest.$Properties {
            }

            class ListAgentHostsRequest {
                constructor(properties?: reservoir.veeh.v1.ListAgentHostsRequest.$Properties);
                $unknowns?: Uint8Array[];
                static create(properties: reservoir.veeh.v1.ListAgentHostsRequest.$Shape): reservoir.veeh.v1.ListAgentHostsRequest & reservoir.veeh.v1.ListAgentHostsRequest.$Shape;
                static create(properties?: reservoir.veeh.v1.ListAgentHostsRequest.$Properties): reservoir.veeh.v1.ListAgentHostsRequest;
                static encode(message: reservoir.veeh.v1.ListAgentHostsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veeh.v1.ListAgentHostsRequest & reservoir.veeh.v1.ListAgentHostsRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veeh.v1.ListAgentHostsRequest;
                static toObject(message: reservoir.veeh.v1.ListAgentHostsRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListAgentHostsRequest {
                interface $Properties {
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veeh.v1.ListAgentHostsRequest.$Properties;
            }

            interface IListAgentHostsResponse extends reservoir.veeh.v1.ListAgentHostsResponse.$Properties {
            }

            class ListAgentHostsResponse {
                constructor(properties?: reservoir.veeh.v1.ListAgentHostsResponse.$Properties);
                $unknowns?: Uint8Array[];
                hosts: reservoir.veeh.v1.HostDescription.$Properties[];
                static create(properties: reservoir.veeh.v1.ListAgentHostsResponse.$Shape): reservoir.veeh.v1.ListAgentHostsResponse & reservoir.veeh.v1.ListAgentHostsResponse.$Shape;
                static create(properties?: reservoir.veeh.v1.ListAgentHostsResponse.$Properties): reservoir.veeh.v1.ListAgentHostsResponse;
                static encode(message: reservoir.veeh.v1.ListAgentHostsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veeh.v1.ListAgentHostsResponse & reservoir.veeh.v1.ListAgentHostsResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veeh.v1.ListAgentHostsResponse;
                static toObject(message: reservoir.veeh.v1.ListAgentHostsResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListAgentHostsResponse {
                interface $Properties {
                    hosts?: (reservoir.veeh.v1.HostDescription.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veeh.v1.ListAgentHostsResponse.$Properties;
            }

            interface IHostDescription extends reservoir.veeh.v1.HostDescription.$Properties {
            }

            class HostDescription {
                constructor(properties?: reservoir.veeh.v1.HostDescription.$Properties);
                $unknowns?: Uint8Array[];
                hostId: string;
                hostname: string;
                capacity?: (reservoir.common.v1.Resources.$Properties|null);
                profile?: (reservoir.common.v1.CapabilityProfile.$Properties|null);
                labels: { [k: string]: string };
                static create(properties: reservoir.veeh.v1.HostDescription.$Shape): reservoir.veeh.v1.HostDescription & reservoir.veeh.v1.HostDescription.$Shape;
                static create(properties?: reservoir.veeh.v1.HostDescription.$Properties): reservoir.veeh.v1.HostDescription;
                static encode(message: reservoir.veeh.v1.HostDescription.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veeh.v1.HostDescription & reservoir.veeh.v1.HostDescription.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veeh.v1.HostDescription;
                static toObject(message: reservoir.veeh.v1.HostDescription, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace HostDescription {
                interface $Properties {
                    hostId?: (string|null);
                    hostname?: (string|null);
                    capacity?: (reservoir.common.v1.Resources.$Properties|null);
                    profile?: (reservoir.common.v1.CapabilityProfile.$Properties|null);
                    labels?: ({ [k: string]: string }|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veeh.v1.HostDescription.$Properties;
            }

            interface IMonitorRequest extends reservoir.veeh.v1.MonitorRequest.$Properties {
            }

            class MonitorRequest {
                constructor(properties?: reservoir.veeh.v1.MonitorRequest.$Properties);
                $unknowns?: Uint8Array[];
                hostIds: string[];
                static create(properties: reservoir.veeh.v1.MonitorRequest.$Shape): reservoir.veeh.v1.MonitorRequest & reservoir.veeh.v1.MonitorRequest.$Shape;
                static create(properties?: reservoir.veeh.v1.MonitorRequest.$Properties): reservoir.veeh.v1.MonitorRequest;
                static encode(message: reservoir.veeh.v1.MonitorRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veeh.v1.MonitorRequest & reservoir.veeh.v1.MonitorRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veeh.v1.MonitorRequest;
                static toObject(message: reservoir.veeh.v1.MonitorRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace MonitorRequest {
                interface $Properties {
                    hostIds?: (string[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veeh.v1.MonitorRequest.$Properties;
            }

            interface IMonitorResponse extends reservoir.veeh.v1.MonitorResponse.$Properties {
            }

            class MonitorResponse {
                constructor(properties?: reservoir.veeh.v1.MonitorResponse.$Properties);
                $unknowns?: Uint8Array[];
                hosts: reservoir.veeh.v1.HostStatus.$Properties[];
                atMs: number;
                static create(properties: reservoir.veeh.v1.MonitorResponse.$Shape): reservoir.veeh.v1.MonitorResponse & reservoir.veeh.v1.MonitorResponse.$Shape;
                static create(properties?: reservoir.veeh.v1.MonitorResponse.$Properties): reservoir.veeh.v1.MonitorResponse;
                static encode(message: reservoir.veeh.v1.MonitorResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veeh.v1.MonitorResponse & reservoir.veeh.v1.MonitorResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veeh.v1.MonitorResponse;
                static toObject(message: reservoir.veeh.v1.MonitorResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace MonitorResponse {
                interface $Properties {
                    hosts?: (reservoir.veeh.v1.HostStatus.$Properties[]|null);
                    atMs?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veeh.v1.MonitorResponse.$Properties;
            }

            interface IHostStatus extends reservoir.veeh.v1.HostStatus.$Properties {
            }

            class HostStatus {
                constructor(properties?: reservoir.veeh.v1.HostStatus.$Properties);
                $unknowns?: Uint8Array[];
                hostId: string;
                allocated?: (reservoir.common.v1.Resources.$Properties|null);
                cpuUsedPercent: number;
                memoryUsedMib: number;
                domains: reservoir.veeh.v1.Domain.$Properties[];
                reachable: boolean;
                error: string;
                static create(properties: reservoir.veeh.v1.HostStatus.$Shape): reservoir.veeh.v1.HostStatus & reservoir.veeh.v1.HostStatus.$Shape;
                static create(properties?: reservoir.veeh.v1.HostStatus.$Properties): reservoir.veeh.v1.HostStatus;
                static encode(message: reservoir.veeh.v1.HostStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veeh.v1.HostStatus & reservoir.veeh.v1.HostStatus.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veeh.v1.HostStatus;
                static toObject(message: reservoir.veeh.v1.HostStatus, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace HostStatus {
                interface $Properties {
                    hostId?: (string|null);
                    allocated?: (reservoir.common.v1.Resources.$Properties|null);
                    cpuUsedPercent?: (number|null);
                    memoryUsedMib?: (number|null);
                    domains?: (reservoir.veeh.v1.Domain.$Properties[]|null);
                    reachable?: (boolean|null);
                    error?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veeh.v1.HostStatus.$Properties;
            }

            enum DomainState {
                DOMAIN_STATE_UNSPECIFIED = 0,
                DOMAIN_STATE_DEFINED = 1,
                DOMAIN_STATE_RUNNING = 2,
                DOMAIN_STATE_PAUSED = 3,
                DOMAIN_STATE_SUSPENDED = 4,
                DOMAIN_STATE_SHUTOFF = 5,
                DOMAIN_STATE_CRASHED = 6,
                DOMAIN_STATE_INCOMING = 7,
                DOMAIN_STATE_MIGRATING = 8
            }

            interface IDisk extends reservoir.veeh.v1.Disk.$Properties {
            }

            class Disk {
                constructor(properties?: reservoir.veeh.v1.Disk.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                imageId: string;
                format: string;
                sizeMib: number;
                target: string;
                static create(properties: reservoir.veeh.v1.Disk.$Shape): reservoir.veeh.v1.Disk & reservoir.veeh.v1.Disk.$Shape;
                static create(properties?: reservoir.veeh.v1.Disk.$Properties): reservoir.veeh.v1.Disk;
                static encode(message: reservoir.veeh.v1.Disk.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veeh.v1.Disk & reservoir.veeh.v1.Disk.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veeh.v1.Disk;
                static toObject(message: reservoir.veeh.v1.Disk, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace Disk {
                interface $Properties {
                    id?: (string|null);
                    imageId?: (string|null);
                    format?: (string|null);
                    sizeMib?: (number|null);
                    target?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veeh.v1.Disk.$Properties;
            }

            interface INic extends reservoir.veeh.v1.Nic.$Properties {
            }

            class Nic {
                constructor(properties?: reservoir.veeh.v1.Nic.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                networkId: string;
                ip: string;
                mac: string;
                static create(properties: reservoir.veeh.v1.Nic.$Shape): reservoir.veeh.v1.Nic & reservoir.veeh.v1.Nic.$Shape;
                static create(properties?: reservoir.veeh.v1.Nic.$Properties): reservoir.veeh.v1.Nic;
                static encode(message: reservoir.veeh.v1.Nic.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veeh.v1.Nic & reservoir.veeh.v1.Nic.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veeh.v1.Nic;
                static toObject(message: reservoir.veeh.v1.Nic, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace Nic {
                interface $Properties {
                    id?: (string|null);
                    networkId?: (string|null);
                    ip?: (string|null);
                    mac?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veeh.v1.Nic.$Properties;
            }

            interface IDomainSpec extends reservoir.veeh.v1.DomainSpec.$Properties {
            }

            class DomainSpec {
                constructor(properties?: reservoir.veeh.v1.DomainSpec.$Properties);
                $unknowns?: Uint8Array[];
                vmId: string;
                name: string;
                resources?: (reservoir.common.v1.Resources.$Properties|null);
                disks: reservoir.veeh.v1.Disk.$Properties[];
                nics: reservoir.veeh.v1.Nic.$Properties[];
                context: { [k: string]: string };
                static create(properties: reservoir.veeh.v1.DomainSpec.$Shape): reservoir.veeh.v1.DomainSpec & reservoir.veeh.v1.DomainSpec.$Shape;
                static create(properties?: reservoir.veeh.v1.DomainSpec.$Properties): reservoir.veeh.v1.DomainSpec;
                static encode(message: reservoir.veeh.v1.DomainSpec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veeh.v1.DomainSpec & reservoir.veeh.v1.DomainSpec.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veeh.v1.DomainSpec;
                static toObject(message: reservoir.veeh.v1.DomainSpec, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace DomainSpec {
                interface $Properties {
                    vmId?: (string|null);
                    name?: (string|null);
                    resources?: (reservoir.common.v1.Resources.$Properties|null);
                    disks?: (reservoir.veeh.v1.Disk.$Properties[]|null);
                    nics?: (reservoir.veeh.v1.Nic.$Properties[]|null);
                    context?: ({ [k: string]: string }|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veeh.v1.DomainSpec.$Properties;
            }

            interface IDomain extends reservoir.veeh.v1.Domain.$Properties {
            }

            class Domain {
                constructor(properties?: reservoir.veeh.v1.Domain.$Properties);
                $unknowns?: Uint8Array[];
                hostId: string;
                vmId: string;
                state: reservoir.veeh.v1.DomainState;
                spec?: (reservoir.veeh.v1.DomainSpec.$Properties|null);
                snapshots: string[];
                cpuUsedPercent: number;
                memoryUsedMib: number;
                stateSinceMs: number;
                incomingNbd: string;
                incomingMigrationUri: string;
                migration?: (reservoir.veeh.v1.MigrationProgress.$Properties|null);
                diskCounters: reservoir.veeh.v1.DiskCounters.$Properties[];
                nicCounters: reservoir.veeh.v1.NicCounters.$Properties[];
                static create(properties: reservoir.veeh.v1.Domain.$Shape): reservoir.veeh.v1.Domain & reservoir.veeh.v1.Domain.$Shape;
                static create(properties?: reservoir.veeh.v1.Domain.$Properties): reservoir.veeh.v1.Domain;
                static encode(message: reservoir.veeh.v1.Domain.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veeh.v1.Domain & reservoir.veeh.v1.Domain.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veeh.v1.Domain;
                static toObject(message: reservoir.veeh.v1.Domain, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace Domain {
                interface $Properties {
                    hostId?: (string|null);
                    vmId?: (string|null);
                    state?: (reservoir.veeh.v1.DomainState|null);
                    spec?: (reservoir.veeh.v1.DomainSpec.$Properties|null);
                    snapshots?: (string[]|null);
                    cpuUsedPercent?: (number|null);
                    memoryUsedMib?: (number|null);
                    stateSinceMs?: (number|null);
                    incomingNbd?: (string|null);
                    incomingMigrationUri?: (string|null);
                    migration?: (reservoir.veeh.v1.MigrationProgress.$Properties|null);
                    diskCounters?: (reservoir.veeh.v1.DiskCounters.$Properties[]|null);
                    nicCounters?: (reservoir.veeh.v1.NicCounters.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veeh.v1.Domain.$Properties;
            }

            interface IMigrationProgress extends reservoir.veeh.v1.MigrationProgress.$Properties {
            }

            class MigrationProgress {
                constructor(properties?: reservoir.veeh.v1.MigrationProgress.$Properties);
                $unknowns?: Uint8Array[];
                targetHostId: string;
                live: boolean;
                phase: string;
                totalBytes: number;
                transferredBytes: number;
                remainingBytes: number;
                dirtyBytesPerSecond: number;
                startedAtMs: number;
                updatedAtMs: number;
                static create(properties: reservoir.veeh.v1.MigrationProgress.$Shape): reservoir.veeh.v1.MigrationProgress & reservoir.veeh.v1.MigrationProgress.$Shape;
                static create(properties?: reservoir.veeh.v1.MigrationProgress.$Properties): reservoir.veeh.v1.MigrationProgress;
                static encode(message: reservoir.veeh.v1.MigrationProgress.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veeh.v1.MigrationProgress & reservoir.veeh.v1.MigrationProgress.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veeh.v1.MigrationProgress;
                static toObject(message: reservoir.veeh.v1.MigrationProgress, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace MigrationProgress {
                interface $Properties {
                    targetHostId?: (string|null);
                    live?: (boolean|null);
                    phase?: (string|null);
                    totalBytes?: (number|null);
                    transferredBytes?: (number|null);
                    remainingBytes?: (number|null);
                    dirtyBytesPerSecond?: (number|null);
                    startedAtMs?: (number|null);
                    updatedAtMs?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veeh.v1.MigrationProgress.$Properties;
            }

            interface IDiskCounters extends reservoir.veeh.v1.DiskCounters.$Properties {
            }

            class DiskCounters {
                constructor(properties?: reservoir.veeh.v1.DiskCounters.$Properties);
                $unknowns?: Uint8Array[];
                diskId: string;
                readBytes: number;
                writeBytes: number;
                readOps: number;
                writeOps: number;
                static create(properties: reservoir.veeh.v1.DiskCounters.$Shape): reservoir.veeh.v1.DiskCounters & reservoir.veeh.v1.DiskCounters.$Shape;
                static create(properties?: reservoir.veeh.v1.DiskCounters.$Properties): reservoir.veeh.v1.DiskCounters;
                static encode(message: reservoir.veeh.v1.DiskCounters.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veeh.v1.DiskCounters & reservoir.veeh.v1.DiskCounters.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veeh.v1.DiskCounters;
                static toObject(message: reservoir.veeh.v1.DiskCounters, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace DiskCounters {
                interface $Properties {
                    diskId?: (string|null);
                    readBytes?: (number|null);
                    writeBytes?: (number|null);
                    readOps?: (number|null);
                    writeOps?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veeh.v1.DiskCounters.$Properties;
            }

            interface INicCounters extends reservoir.veeh.v1.NicCounters.$Properties {
            }

            class NicCounters {
                constructor(properties?: reservoir.veeh.v1.NicCounters.$Properties);
                $unknowns?: Uint8Array[];
                nicId: string;
                rxBytes: number;
                txBytes: number;
                rxPackets: number;
                txPackets: number;
                static create(properties: reservoir.veeh.v1.NicCounters.$Shape): reservoir.veeh.v1.NicCounters & reservoir.veeh.v1.NicCounters.$Shape;
                static create(properties?: reservoir.veeh.v1.NicCounters.$Properties): reservoir.veeh.v1.NicCounters;
                static encode(message: reservoir.veeh.v1.NicCounters.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veeh.v1.NicCounters & reservoir.veeh.v1.NicCounters.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veeh.v1.NicCounters;
                static toObject(message: reservoir.veeh.v1.NicCounters, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace NicCounters {
                interface $Properties {
                    nicId?: (string|null);
                    rxBytes?: (number|null);
                    txBytes?: (number|null);
                    rxPackets?: (number|null);
                    txPackets?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veeh.v1.NicCounters.$Properties;
            }

            interface IDomainRef extends reservoir.veeh.v1.DomainRef.$Properties {
            }

            class DomainRef {
                constructor(properties?: reservoir.veeh.v1.DomainRef.$Properties);
                $unknowns?: Uint8Array[];
                hostId: string;
                vmId: string;
                static create(properties: reservoir.veeh.v1.DomainRef.$Shape): reservoir.veeh.v1.DomainRef & reservoir.veeh.v1.DomainRef.$Shape;
                static create(properties?: reservoir.veeh.v1.DomainRef.$Properties): reservoir.veeh.v1.DomainRef;
                static encode(message: reservoir.veeh.v1.DomainRef.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veeh.v1.DomainRef & reservoir.veeh.v1.DomainRef.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veeh.v1.DomainRef;
                static toObject(message: reservoir.veeh.v1.DomainRef, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace DomainRef {
                interface $Properties {
                    hostId?: (string|null);
                    vmId?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veeh.v1.DomainRef.$Properties;
            }

            interface ICreateDomainRequest extends reservoir.veeh.v1.CreateDomainRequest.$Properties {
            }

            class CreateDomainRequest {
                constructor(properties?: reservoir.veeh.v1.CreateDomainRequest.$Properties);
                $unknowns?: Uint8Array[];
                hostId: string;
                spec?: (reservoir.veeh.v1.DomainSpec.$Properties|null);
                static create(properties: reservoir.veeh.v1.CreateDomainRequest.$Shape): reservoir.veeh.v1.CreateDomainRequest & reservoir.veeh.v1.CreateDomainRequest.$Shape;
                static create(properties?: reservoir.veeh.v1.CreateDomainRequest.$Properties): reservoir.veeh.v1.CreateDomainRequest;
                static encode(message: reservoir.veeh.v1.CreateDomainRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veeh.v1.CreateDomainRequest & reservoir.veeh.v1.CreateDomainRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veeh.v1.CreateDomainRequest;
                static toObject(message: reservoir.veeh.v1.CreateDomainRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace CreateDomainRequest {
                interface $Properties {
                    hostId?: (string|null);
                    spec?: (reservoir.veeh.v1.DomainSpec.$Properties|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veeh.v1.CreateDomainRequest.$Properties;
            }

            interface IShutdownDomainRequest extends reservoir.veeh.v1.ShutdownDomainRequest.$Properties {
            }

            class ShutdownDomainRequest {
                constructor(properties?: reservoir.veeh.v1.ShutdownDomainRequest.$Properties);
                $unknowns?: Uint8Array[];
                hostId: string;
                vmId: string;
                hard: boolean;
                static create(properties: reservoir.veeh.v1.ShutdownDomainRequest.$Shape): reservoir.veeh.v1.ShutdownDomainRequest & reservoir.veeh.v1.ShutdownDomainRequest.$Shape;
                static create(properties?: reservoir.veeh.v1.ShutdownDomainRequest.$Properties): reservoir.veeh.v1.ShutdownDomainRequest;
                static encode(message: reservoir.veeh.v1.ShutdownDomainRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veeh.v1.ShutdownDomainRequest & reservoir.veeh.v1.ShutdownDomainRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veeh.v1.ShutdownDomainRequest;
                static toObject(message: reservoir.veeh.v1.ShutdownDomainRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ShutdownDomainRequest {
                interface $Properties {
                    hostId?: (string|null);
                    vmId?: (string|null);
                    hard?: (boolean|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veeh.v1.ShutdownDomainRequest.$Properties;
            }

            interface IDestroyDomainResponse extends reservoir.veeh.v1.DestroyDomainResponse.$Properties {
            }

            class DestroyDomainResponse {
                constructor(properties?: reservoir.veeh.v1.DestroyDomainResponse.$Properties);
                $unknowns?: Uint8Array[];
                existed: boolean;
                static create(properties: reservoir.veeh.v1.DestroyDomainResponse.$Shape): reservoir.veeh.v1.DestroyDomainResponse & reservoir.veeh.v1.DestroyDomainResponse.$Shape;
                static create(properties?: reservoir.veeh.v1.DestroyDomainResponse.$Properties): reservoir.veeh.v1.DestroyDomainResponse;
                static encode(message: reservoir.veeh.v1.DestroyDomainResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veeh.v1.DestroyDomainResponse & reservoir.veeh.v1.DestroyDomainResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veeh.v1.DestroyDomainResponse;
                static toObject(message: reservoir.veeh.v1.DestroyDomainResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace DestroyDomainResponse {
                interface $Properties {
                    existed?: (boolean|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veeh.v1.DestroyDomainResponse.$Properties;
            }

            interface ISnapshotRequest extends reservoir.veeh.v1.SnapshotRequest.$Properties {
            }

            class SnapshotRequest {
                constructor(properties?: reservoir.veeh.v1.SnapshotRequest.$Properties);
                $unknowns?: Uint8Array[];
                hostId: string;
                vmId: string;
                name: string;
                static create(properties: reservoir.veeh.v1.SnapshotRequest.$Shape): reservoir.veeh.v1.SnapshotRequest & reservoir.veeh.v1.SnapshotRequest.$Shape;
                static create(properties?: reservoir.veeh.v1.SnapshotRequest.$Properties): reservoir.veeh.v1.SnapshotRequest;
                static encode(message: reservoir.veeh.v1.SnapshotRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veeh.v1.SnapshotRequest & reservoir.veeh.v1.SnapshotRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veeh.v1.SnapshotRequest;
                static toObject(message: reservoir.veeh.v1.SnapshotRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace SnapshotRequest {
                interface $Properties {
                    hostId?: (string|null);
                    vmId?: (string|null);
                    name?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veeh.v1.SnapshotRequest.$Properties;
            }

            interface IResizeDomainRequest extends reservoir.veeh.v1.ResizeDomainRequest.$Properties {
            }

            class ResizeDomainRequest {
                constructor(properties?: reservoir.veeh.v1.ResizeDomainRequest.$Properties);
                $unknowns?: Uint8Array[];
                hostId: string;
                vmId: string;
                vcpus: number;
                memoryMib: number;
                static create(properties: reservoir.veeh.v1.ResizeDomainRequest.$Shape): reservoir.veeh.v1.ResizeDomainRequest & reservoir.veeh.v1.ResizeDomainRequest.$Shape;
                static create(properties?: reservoir.veeh.v1.ResizeDomainRequest.$Properties): reservoir.veeh.v1.ResizeDomainRequest;
                static encode(message: reservoir.veeh.v1.ResizeDomainRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veeh.v1.ResizeDomainRequest & reservoir.veeh.v1.ResizeDomainRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veeh.v1.ResizeDomainRequest;
                static toObject(message: reservoir.veeh.v1.ResizeDomainRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ResizeDomainRequest {
                interface $Properties {
                    hostId?: (string|null);
                    vmId?: (string|null);
                    vcpus?: (number|null);
                    memoryMib?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veeh.v1.ResizeDomainRequest.$Properties;
            }

            interface IAttachDiskRequest extends reservoir.veeh.v1.AttachDiskRequest.$Properties {
            }

            class AttachDiskRequest {
                constructor(properties?: reservoir.veeh.v1.AttachDiskRequest.$Properties);
                $unknowns?: Uint8Array[];
                hostId: string;
                vmId: string;
                disk?: (reservoir.veeh.v1.Disk.$Properties|null);
                static create(properties: reservoir.veeh.v1.AttachDiskRequest.$Shape): reservoir.veeh.v1.AttachDiskRequest & reservoir.veeh.v1.AttachDiskRequest.$Shape;
                static create(properties?: reservoir.veeh.v1.AttachDiskRequest.$Properties): reservoir.veeh.v1.AttachDiskRequest;
                static encode(message: reservoir.veeh.v1.AttachDiskRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veeh.v1.AttachDiskRequest & reservoir.veeh.v1.AttachDiskRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veeh.v1.AttachDiskRequest;
                static toObject(message: reservoir.veeh.v1.AttachDiskRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace AttachDiskRequest {
                interface $Properties {
                    hostId?: (string|null);
                    vmId?: (string|null);
                    disk?: (reservoir.veeh.v1.Disk.$Properties|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veeh.v1.AttachDiskRequest.$Properties;
            }

            interface IAttachNicRequest extends reservoir.veeh.v1.AttachNicRequest.$Properties {
            }

            class AttachNicRequest {
                constructor(properties?: reservoir.veeh.v1.AttachNicRequest.$Properties);
                $unknowns?: Uint8Array[];
                hostId: string;
                vmId: string;
                nic?: (reservoir.veeh.v1.Nic.$Properties|null);
                static create(properties: reservoir.veeh.v1.AttachNicRequest.$Shape): reservoir.veeh.v1.AttachNicRequest & reservoir.veeh.v1.AttachNicRequest.$Shape;
                static create(properties?: reservoir.veeh.v1.AttachNicRequest.$Properties): reservoir.veeh.v1.AttachNicRequest;
                static encode(message: reservoir.veeh.v1.AttachNicRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veeh.v1.AttachNicRequest & reservoir.veeh.v1.AttachNicRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veeh.v1.AttachNicRequest;
                static toObject(message: reservoir.veeh.v1.AttachNicRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace AttachNicRequest {
                interface $Properties {
                    hostId?: (string|null);
                    vmId?: (string|null);
                    nic?: (reservoir.veeh.v1.Nic.$Properties|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veeh.v1.AttachNicRequest.$Properties;
            }

            interface IDetachRequest extends reservoir.veeh.v1.DetachRequest.$Properties {
            }

            class DetachRequest {
                constructor(properties?: reservoir.veeh.v1.DetachRequest.$Properties);
                $unknowns?: Uint8Array[];
                hostId: string;
                vmId: string;
                deviceId: string;
                static create(properties: reservoir.veeh.v1.DetachRequest.$Shape): reservoir.veeh.v1.DetachRequest & reservoir.veeh.v1.DetachRequest.$Shape;
                static create(properties?: reservoir.veeh.v1.DetachRequest.$Properties): reservoir.veeh.v1.DetachRequest;
                static encode(message: reservoir.veeh.v1.DetachRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veeh.v1.DetachRequest & reservoir.veeh.v1.DetachRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veeh.v1.DetachRequest;
                static toObject(message: reservoir.veeh.v1.DetachRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace DetachRequest {
                interface $Properties {
                    hostId?: (string|null);
                    vmId?: (string|null);
                    deviceId?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veeh.v1.DetachRequest.$Properties;
            }

            interface IPrepareIncomingRequest extends reservoir.veeh.v1.PrepareIncomingRequest.$Properties {
            }

            class PrepareIncomingRequest {
                constructor(properties?: reservoir.veeh.v1.PrepareIncomingRequest.$Properties);
                $unknowns?: Uint8Array[];
                hostId: string;
                spec?: (reservoir.veeh.v1.DomainSpec.$Properties|null);
                live: boolean;
                static create(properties: reservoir.veeh.v1.PrepareIncomingRequest.$Shape): reservoir.veeh.v1.PrepareIncomingRequest & reservoir.veeh.v1.PrepareIncomingRequest.$Shape;
                static create(properties?: reservoir.veeh.v1.PrepareIncomingRequest.$Properties): reservoir.veeh.v1.PrepareIncomingRequest;
                static encode(message: reservoir.veeh.v1.PrepareIncomingRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veeh.v1.PrepareIncomingRequest & reservoir.veeh.v1.PrepareIncomingRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veeh.v1.PrepareIncomingRequest;
                static toObject(message: reservoir.veeh.v1.PrepareIncomingRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace PrepareIncomingRequest {
                interface $Properties {
                    hostId?: (string|null);
                    spec?: (reservoir.veeh.v1.DomainSpec.$Properties|null);
                    live?: (boolean|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veeh.v1.PrepareIncomingRequest.$Properties;
            }

            interface IMigrateDomainRequest extends reservoir.veeh.v1.MigrateDomainRequest.$Properties {
            }

            class MigrateDomainRequest {
                constructor(properties?: reservoir.veeh.v1.MigrateDomainRequest.$Properties);
                $unknowns?: Uint8Array[];
                hostId: string;
                vmId: string;
                targetHostId: string;
                targetEndpoint: string;
                live: boolean;
                static create(properties: reservoir.veeh.v1.MigrateDomainRequest.$Shape): reservoir.veeh.v1.MigrateDomainRequest & reservoir.veeh.v1.MigrateDomainRequest.$Shape;
                static create(properties?: reservoir.veeh.v1.MigrateDomainRequest.$Properties): reservoir.veeh.v1.MigrateDomainRequest;
                static encode(message: reservoir.veeh.v1.MigrateDomainRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veeh.v1.MigrateDomainRequest & reservoir.veeh.v1.MigrateDomainRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veeh.v1.MigrateDomainRequest;
                static toObject(message: reservoir.veeh.v1.MigrateDomainRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace MigrateDomainRequest {
                interface $Properties {
                    hostId?: (string|null);
                    vmId?: (string|null);
                    targetHostId?: (string|null);
                    targetEndpoint?: (string|null);
                    live?: (boolean|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veeh.v1.MigrateDomainRequest.$Properties;
            }

            interface IMigrateDomainResponse extends reservoir.veeh.v1.MigrateDomainResponse.$Properties {
            }

            class MigrateDomainResponse {
                constructor(properties?: reservoir.veeh.v1.MigrateDomainResponse.$Properties);
                $unknowns?: Uint8Array[];
                domain?: (reservoir.veeh.v1.Domain.$Properties|null);
                transferredMib: number;
                downtimeMs: number;
                durationMs: number;
                static create(properties: reservoir.veeh.v1.MigrateDomainResponse.$Shape): reservoir.veeh.v1.MigrateDomainResponse & reservoir.veeh.v1.MigrateDomainResponse.$Shape;
                static create(properties?: reservoir.veeh.v1.MigrateDomainResponse.$Properties): reservoir.veeh.v1.MigrateDomainResponse;
                static encode(message: reservoir.veeh.v1.MigrateDomainResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veeh.v1.MigrateDomainResponse & reservoir.veeh.v1.MigrateDomainResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veeh.v1.MigrateDomainResponse;
                static toObject(message: reservoir.veeh.v1.MigrateDomainResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace MigrateDomainResponse {
                interface $Properties {
                    domain?: (reservoir.veeh.v1.Domain.$Properties|null);
                    transferredMib?: (number|null);
                    downtimeMs?: (number|null);
                    durationMs?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veeh.v1.MigrateDomainResponse.$Properties;
            }

            interface IReceiveMigrationRequest extends reservoir.veeh.v1.ReceiveMigrationRequest.$Properties {
            }

            class ReceiveMigrationRequest {
                constructor(properties?: reservoir.veeh.v1.ReceiveMigrationRequest.$Properties);
                $unknowns?: Uint8Array[];
                hostId: string;
                vmId: string;
                live: boolean;
                sourceState: reservoir.veeh.v1.DomainState;
                snapshots: string[];
                memoryImageMib: number;
                static create(properties: reservoir.veeh.v1.ReceiveMigrationRequest.$Shape): reservoir.veeh.v1.ReceiveMigrationRequest & reservoir.veeh.v1.ReceiveMigrationRequest.$Shape;
                static create(properties?: reservoir.veeh.v1.ReceiveMigrationRequest.$Properties): reservoir.veeh.v1.ReceiveMigrationRequest;
                static encode(message: reservoir.veeh.v1.ReceiveMigrationRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veeh.v1.ReceiveMigrationRequest & reservoir.veeh.v1.ReceiveMigrationRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veeh.v1.ReceiveMigrationRequest;
                static toObject(message: reservoir.veeh.v1.ReceiveMigrationRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ReceiveMigrationRequest {
                interface $Properties {
                    hostId?: (string|null);
                    vmId?: (string|null);
                    live?: (boolean|null);
                    sourceState?: (reservoir.veeh.v1.DomainState|null);
                    snapshots?: (string[]|null);
                    memoryImageMib?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veeh.v1.ReceiveMigrationRequest.$Properties;
            }
        }
    }

    namespace veem {

        namespace v1 {

            interface IVmStateEvent extends reservoir.veem.v1.VmStateEvent.$Properties {
            }

            class VmStateEvent {
                constructor(properties?: reservoir.veem.v1.VmStateEvent.$Properties);
                $unknowns?: Uint8Array[];
                vmId: string;
                fromState: string;
                toState: string;
                host: string;
                reason: string;
                organization: string;
                atMs: number;
                site: string;
                version: number;
                static create(properties: reservoir.veem.v1.VmStateEvent.$Shape): reservoir.veem.v1.VmStateEvent & reservoir.veem.v1.VmStateEvent.$Shape;
                static create(properties?: reservoir.veem.v1.VmStateEvent.$Properties): reservoir.veem.v1.VmStateEvent;
                static encode(message: reservoir.veem.v1.VmStateEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.VmStateEvent & reservoir.veem.v1.VmStateEvent.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.VmStateEvent;
                static toObject(message: reservoir.veem.v1.VmStateEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace VmStateEvent {
                interface $Properties {
                    vmId?: (string|null);
                    fromState?: (string|null);
                    toState?: (string|null);
                    host?: (string|null);
                    reason?: (string|null);
                    organization?: (string|null);
                    atMs?: (number|null);
                    site?: (string|null);
                    version?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.VmStateEvent.$Properties;
            }

            interface IHostStateEvent extends reservoir.veem.v1.HostStateEvent.$Properties {
            }

            class HostStateEvent {
                constructor(properties?: reservoir.veem.v1.HostStateEvent.$Properties);
                $unknowns?: Uint8Array[];
                hostId: string;
                fromState: string;
                toState: string;
                reason: string;
                atMs: number;
                site: string;
                static create(properties: reservoir.veem.v1.HostStateEvent.$Shape): reservoir.veem.v1.HostStateEvent & reservoir.veem.v1.HostStateEvent.$Shape;
                static create(properties?: reservoir.veem.v1.HostStateEvent.$Properties): reservoir.veem.v1.HostStateEvent;
                static encode(message: reservoir.veem.v1.HostStateEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.HostStateEvent & reservoir.veem.v1.HostStateEvent.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.HostStateEvent;
                static toObject(message: reservoir.veem.v1.HostStateEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace HostStateEvent {
                interface $Properties {
                    hostId?: (string|null);
                    fromState?: (string|null);
                    toState?: (string|null);
                    reason?: (string|null);
                    atMs?: (number|null);
                    site?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.HostStateEvent.$Properties;
            }

            interface ITaskEvent extends reservoir.veem.v1.TaskEvent.$Properties {
            }

            class TaskEvent {
                constructor(properties?: reservoir.veem.v1.TaskEvent.$Properties);
                $unknowns?: Uint8Array[];
                task?: (reservoir.common.v1.Task.$Properties|null);
                static create(properties: reservoir.veem.v1.TaskEvent.$Shape): reservoir.veem.v1.TaskEvent & reservoir.veem.v1.TaskEvent.$Shape;
                static create(properties?: reservoir.veem.v1.TaskEvent.$Properties): reservoir.veem.v1.TaskEvent;
                static encode(message: reservoir.veem.v1.TaskEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.TaskEvent & reservoir.veem.v1.TaskEvent.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.TaskEvent;
                static toObject(message: reservoir.veem.v1.TaskEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace TaskEvent {
                interface $Properties {
                    task?: (reservoir.common.v1.Task.$Properties|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.TaskEvent.$Properties;
            }

            interface IOfferedHost extends reservoir.veem.v1.OfferedHost.$Properties {
            }

            class OfferedHost {
                constructor(properties?: reservoir.veem.v1.OfferedHost.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                name: string;
                profile?: (reservoir.common.v1.CapabilityProfile.$Properties|null);
                free?: (reservoir.common.v1.Resources.$Properties|null);
                capacity?: (reservoir.common.v1.Resources.$Properties|null);
                cpuModel: string;
                labels: { [k: string]: string };
                static create(properties: reservoir.veem.v1.OfferedHost.$Shape): reservoir.veem.v1.OfferedHost & reservoir.veem.v1.OfferedHost.$Shape;
                static create(properties?: reservoir.veem.v1.OfferedHost.$Properties): reservoir.veem.v1.OfferedHost;
                static encode(message: reservoir.veem.v1.OfferedHost.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.OfferedHost & reservoir.veem.v1.OfferedHost.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.OfferedHost;
                static toObject(message: reservoir.veem.v1.OfferedHost, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace OfferedHost {
                interface $Properties {
                    id?: (string|null);
                    name?: (string|null);
                    profile?: (reservoir.common.v1.CapabilityProfile.$Properties|null);
                    free?: (reservoir.common.v1.Resources.$Properties|null);
                    capacity?: (reservoir.common.v1.Resources.$Properties|null);
                    cpuModel?: (string|null);
                    labels?: ({ [k: string]: string }|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.OfferedHost.$Properties;
            }

            interface IOfferedNetwork extends reservoir.veem.v1.OfferedNetwork.$Properties {
            }

            class OfferedNetwork {
                constructor(properties?: reservoir.veem.v1.OfferedNetwork.$Properties);
                $unknowns?: Uint8Array[];
                name: string;
                cidr: string;
                static create(properties: reservoir.veem.v1.OfferedNetwork.$Shape): reservoir.veem.v1.OfferedNetwork & reservoir.veem.v1.OfferedNetwork.$Shape;
                static create(properties?: reservoir.veem.v1.OfferedNetwork.$Properties): reservoir.veem.v1.OfferedNetwork;
                static encode(message: reservoir.veem.v1.OfferedNetwork.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.OfferedNetwork & reservoir.veem.v1.OfferedNetwork.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.OfferedNetwork;
                static toObject(message: reservoir.veem.v1.OfferedNetwork, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace OfferedNetwork {
                interface $Properties {
                    name?: (string|null);
                    cidr?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.OfferedNetwork.$Properties;
            }

            interface ISiteOffer extends reservoir.veem.v1.SiteOffer.$Properties {
            }

            class SiteOffer {
                constructor(properties?: reservoir.veem.v1.SiteOffer.$Properties);
                $unknowns?: Uint8Array[];
                site: string;
                country: string;
                currency: string;
                pricePerVcpuHour: number;
                pricePerGibHour: number;
                hosts: reservoir.veem.v1.OfferedHost.$Properties[];
                networks: reservoir.veem.v1.OfferedNetwork.$Properties[];
                licences: string[];
                allowedCountries: string[];
                agreementCap?: (reservoir.common.v1.Resources.$Properties|null);
                agreementUsed?: (reservoir.common.v1.Resources.$Properties|null);
                static create(properties: reservoir.veem.v1.SiteOffer.$Shape): reservoir.veem.v1.SiteOffer & reservoir.veem.v1.SiteOffer.$Shape;
                static create(properties?: reservoir.veem.v1.SiteOffer.$Properties): reservoir.veem.v1.SiteOffer;
                static encode(message: reservoir.veem.v1.SiteOffer.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.SiteOffer & reservoir.veem.v1.SiteOffer.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.SiteOffer;
                static toObject(message: reservoir.veem.v1.SiteOffer, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace SiteOffer {
                interface $Properties {
                    site?: (string|null);
                    country?: (string|null);
                    currency?: (string|null);
                    pricePerVcpuHour?: (number|null);
                    pricePerGibHour?: (number|null);
                    hosts?: (reservoir.veem.v1.OfferedHost.$Properties[]|null);
                    networks?: (reservoir.veem.v1.OfferedNetwork.$Properties[]|null);
                    licences?: (string[]|null);
                    allowedCountries?: (string[]|null);
                    agreementCap?: (reservoir.common.v1.Resources.$Properties|null);
                    agreementUsed?: (reservoir.common.v1.Resources.$Properties|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.SiteOffer.$Properties;
            }

            interface IGetOfferRequest extends reservoir.veem.v1.GetOfferRequest.$Properties {
            }

            class GetOfferRequest {
                constructor(properties?: reservoir.veem.v1.GetOfferRequest.$Properties);
                $unknowns?: Uint8Array[];
                static create(properties: reservoir.veem.v1.GetOfferRequest.$Shape): reservoir.veem.v1.GetOfferRequest & reservoir.veem.v1.GetOfferRequest.$Shape;
                static create(properties?: reservoir.veem.v1.GetOfferRequest.$Properties): reservoir.veem.v1.GetOfferRequest;
                static encode(message: reservoir.veem.v1.GetOfferRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.GetOfferRequest & reservoir.veem.v1.GetOfferRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.GetOfferRequest;
                static toObject(message: reservoir.veem.v1.GetOfferRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace GetOfferRequest {
                interface $Properties {
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.GetOfferRequest.$Properties;
            }

            interface IVmDescriptor extends reservoir.veem.v1.VmDescriptor.$Properties {
            }

            class VmDescriptor {
                constructor(properties?: reservoir.veem.v1.VmDescriptor.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                name: string;
                resources?: (reservoir.common.v1.Resources.$Properties|null);
                diskFormat: string;
                requirements: { [k: string]: string };
                nics: reservoir.veem.v1.DescriptorNic.$Properties[];
                state: string;
                organization: string;
                owner: string;
                sourceSite: string;
                sourceHost: string;
                sourceHypervisor: string;
                sourceCountry: string;
                sourceCpuModel: string;
                labels: { [k: string]: string };
                context: { [k: string]: string };
                static create(properties: reservoir.veem.v1.VmDescriptor.$Shape): reservoir.veem.v1.VmDescriptor & reservoir.veem.v1.VmDescriptor.$Shape;
                static create(properties?: reservoir.veem.v1.VmDescriptor.$Properties): reservoir.veem.v1.VmDescriptor;
                static encode(message: reservoir.veem.v1.VmDescriptor.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.VmDescriptor & reservoir.veem.v1.VmDescriptor.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.VmDescriptor;
                static toObject(message: reservoir.veem.v1.VmDescriptor, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace VmDescriptor {
                interface $Properties {
                    id?: (string|null);
                    name?: (string|null);
                    resources?: (reservoir.common.v1.Resources.$Properties|null);
                    diskFormat?: (string|null);
                    requirements?: ({ [k: string]: string }|null);
                    nics?: (reservoir.veem.v1.DescriptorNic.$Properties[]|null);
                    state?: (string|null);
                    organization?: (string|null);
                    owner?: (string|null);
                    sourceSite?: (string|null);
                    sourceHost?: (string|null);
                    sourceHypervisor?: (string|null);
                    sourceCountry?: (string|null);
                    sourceCpuModel?: (string|null);
                    labels?: ({ [k: string]: string }|null);
                    context?: ({ [k: string]: string }|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.VmDescriptor.$Properties;
            }

            interface IDescriptorNic extends reservoir.veem.v1.DescriptorNic.$Properties {
            }

            class DescriptorNic {
                constructor(properties?: reservoir.veem.v1.DescriptorNic.$Properties);
                $unknowns?: Uint8Array[];
                networkId: string;
                ip: string;
                cidr: string;
                networkName: string;
                static create(properties: reservoir.veem.v1.DescriptorNic.$Shape): reservoir.veem.v1.DescriptorNic & reservoir.veem.v1.DescriptorNic.$Shape;
                static create(properties?: reservoir.veem.v1.DescriptorNic.$Properties): reservoir.veem.v1.DescriptorNic;
                static encode(message: reservoir.veem.v1.DescriptorNic.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.DescriptorNic & reservoir.veem.v1.DescriptorNic.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.DescriptorNic;
                static toObject(message: reservoir.veem.v1.DescriptorNic, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace DescriptorNic {
                interface $Properties {
                    networkId?: (string|null);
                    ip?: (string|null);
                    cidr?: (string|null);
                    networkName?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.DescriptorNic.$Properties;
            }

            interface IDifference extends reservoir.veem.v1.Difference.$Properties {
            }

            class Difference {
                constructor(properties?: reservoir.veem.v1.Difference.$Properties);
                $unknowns?: Uint8Array[];
                code: string;
                severity: string;
                field: string;
                message: string;
                source: string;
                target: string;
                static create(properties: reservoir.veem.v1.Difference.$Shape): reservoir.veem.v1.Difference & reservoir.veem.v1.Difference.$Shape;
                static create(properties?: reservoir.veem.v1.Difference.$Properties): reservoir.veem.v1.Difference;
                static encode(message: reservoir.veem.v1.Difference.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.Difference & reservoir.veem.v1.Difference.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.Difference;
                static toObject(message: reservoir.veem.v1.Difference, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace Difference {
                interface $Properties {
                    code?: (string|null);
                    severity?: (string|null);
                    field?: (string|null);
                    message?: (string|null);
                    source?: (string|null);
                    target?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.Difference.$Properties;
            }

            interface IInteropReport extends reservoir.veem.v1.InteropReport.$Properties {
            }

            class InteropReport {
                constructor(properties?: reservoir.veem.v1.InteropReport.$Properties);
                $unknowns?: Uint8Array[];
                interoperable: boolean;
                level: number;
                targetSite: string;
                targetHost: string;
                targetFormat: string;
                differences: reservoir.veem.v1.Difference.$Properties[];
                static create(properties: reservoir.veem.v1.InteropReport.$Shape): reservoir.veem.v1.InteropReport & reservoir.veem.v1.InteropReport.$Shape;
                static create(properties?: reservoir.veem.v1.InteropReport.$Properties): reservoir.veem.v1.InteropReport;
                static encode(message: reservoir.veem.v1.InteropReport.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.InteropReport & reservoir.veem.v1.InteropReport.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.InteropReport;
                static toObject(message: reservoir.veem.v1.InteropReport, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace InteropReport {
                interface $Properties {
                    interoperable?: (boolean|null);
                    level?: (number|null);
                    targetSite?: (string|null);
                    targetHost?: (string|null);
                    targetFormat?: (string|null);
                    differences?: (reservoir.veem.v1.Difference.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.InteropReport.$Properties;
            }

            interface ICheckInteropRequest extends reservoir.veem.v1.CheckInteropRequest.$Properties {
            }

            class CheckInteropRequest {
                constructor(properties?: reservoir.veem.v1.CheckInteropRequest.$Properties);
                $unknowns?: Uint8Array[];
                vmId: string;
                target: string;
                ovf: string;
                static create(properties: reservoir.veem.v1.CheckInteropRequest.$Shape): reservoir.veem.v1.CheckInteropRequest & reservoir.veem.v1.CheckInteropRequest.$Shape;
                static create(properties?: reservoir.veem.v1.CheckInteropRequest.$Properties): reservoir.veem.v1.CheckInteropRequest;
                static encode(message: reservoir.veem.v1.CheckInteropRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.CheckInteropRequest & reservoir.veem.v1.CheckInteropRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.CheckInteropRequest;
                static toObject(message: reservoir.veem.v1.CheckInteropRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace CheckInteropRequest {
                interface $Properties {
                    vmId?: (string|null);
                    target?: (string|null);
                    ovf?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.CheckInteropRequest.$Properties;
            }

            interface IStepReply extends reservoir.veem.v1.StepReply.$Properties {
            }

            class StepReply {
                constructor(properties?: reservoir.veem.v1.StepReply.$Properties);
                $unknowns?: Uint8Array[];
                confirmed: boolean;
                code: string;
                message: string;
                targetVmId: string;
                targetHost: string;
                targetFormat: string;
                targetImageId: string;
                differences: reservoir.veem.v1.Difference.$Properties[];
                state: string;
                guest?: (reservoir.veem.v1.GuestFacts.$Properties|null);
                static create(properties: reservoir.veem.v1.StepReply.$Shape): reservoir.veem.v1.StepReply & reservoir.veem.v1.StepReply.$Shape;
                static create(properties?: reservoir.veem.v1.StepReply.$Properties): reservoir.veem.v1.StepReply;
                static encode(message: reservoir.veem.v1.StepReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.StepReply & reservoir.veem.v1.StepReply.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.StepReply;
                static toObject(message: reservoir.veem.v1.StepReply, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace StepReply {
                interface $Properties {
                    confirmed?: (boolean|null);
                    code?: (string|null);
                    message?: (string|null);
                    targetVmId?: (string|null);
                    targetHost?: (string|null);
                    targetFormat?: (string|null);
                    targetImageId?: (string|null);
                    differences?: (reservoir.veem.v1.Difference.$Properties[]|null);
                    state?: (string|null);
                    guest?: (reservoir.veem.v1.GuestFacts.$Properties|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.StepReply.$Properties;
            }

            interface IGuestFacts extends reservoir.veem.v1.GuestFacts.$Properties {
            }

            class GuestFacts {
                constructor(properties?: reservoir.veem.v1.GuestFacts.$Properties);
                $unknowns?: Uint8Array[];
                cpuModel: string;
                vcpus: number;
                memoryMib: number;
                ips: string[];
                routes: string[];
                static create(properties: reservoir.veem.v1.GuestFacts.$Shape): reservoir.veem.v1.GuestFacts & reservoir.veem.v1.GuestFacts.$Shape;
                static create(properties?: reservoir.veem.v1.GuestFacts.$Properties): reservoir.veem.v1.GuestFacts;
                static encode(message: reservoir.veem.v1.GuestFacts.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.GuestFacts & reservoir.veem.v1.GuestFacts.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.GuestFacts;
                static toObject(message: reservoir.veem.v1.GuestFacts, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace GuestFacts {
                interface $Properties {
                    cpuModel?: (string|null);
                    vcpus?: (number|null);
                    memoryMib?: (number|null);
                    ips?: (string[]|null);
                    routes?: (string[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.GuestFacts.$Properties;
            }

            interface IConfigureRequest extends reservoir.veem.v1.ConfigureRequest.$Properties {
            }

            class ConfigureRequest {
                constructor(properties?: reservoir.veem.v1.ConfigureRequest.$Properties);
                $unknowns?: Uint8Array[];
                transferId: string;
                vm?: (reservoir.veem.v1.VmDescriptor.$Properties|null);
                targetHost: string;
                fromSite: string;
                static create(properties: reservoir.veem.v1.ConfigureRequest.$Shape): reservoir.veem.v1.ConfigureRequest & reservoir.veem.v1.ConfigureRequest.$Shape;
                static create(properties?: reservoir.veem.v1.ConfigureRequest.$Properties): reservoir.veem.v1.ConfigureRequest;
                static encode(message: reservoir.veem.v1.ConfigureRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.ConfigureRequest & reservoir.veem.v1.ConfigureRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.ConfigureRequest;
                static toObject(message: reservoir.veem.v1.ConfigureRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ConfigureRequest {
                interface $Properties {
                    transferId?: (string|null);
                    vm?: (reservoir.veem.v1.VmDescriptor.$Properties|null);
                    targetHost?: (string|null);
                    fromSite?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.ConfigureRequest.$Properties;
            }

            interface IReserveRequest extends reservoir.veem.v1.ReserveRequest.$Properties {
            }

            class ReserveRequest {
                constructor(properties?: reservoir.veem.v1.ReserveRequest.$Properties);
                $unknowns?: Uint8Array[];
                transferId: string;
                vm?: (reservoir.veem.v1.VmDescriptor.$Properties|null);
                targetHost: string;
                targetFormat: string;
                diskBytes: number;
                fromSite: string;
                static create(properties: reservoir.veem.v1.ReserveRequest.$Shape): reservoir.veem.v1.ReserveRequest & reservoir.veem.v1.ReserveRequest.$Shape;
                static create(properties?: reservoir.veem.v1.ReserveRequest.$Properties): reservoir.veem.v1.ReserveRequest;
                static encode(message: reservoir.veem.v1.ReserveRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.ReserveRequest & reservoir.veem.v1.ReserveRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.ReserveRequest;
                static toObject(message: reservoir.veem.v1.ReserveRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ReserveRequest {
                interface $Properties {
                    transferId?: (string|null);
                    vm?: (reservoir.veem.v1.VmDescriptor.$Properties|null);
                    targetHost?: (string|null);
                    targetFormat?: (string|null);
                    diskBytes?: (number|null);
                    fromSite?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.ReserveRequest.$Properties;
            }

            interface IDiskChunk extends reservoir.veem.v1.DiskChunk.$Properties {
            }

            class DiskChunk {
                constructor(properties?: reservoir.veem.v1.DiskChunk.$Properties);
                $unknowns?: Uint8Array[];
                transferId: string;
                offset: number;
                data: Uint8Array;
                static create(properties: reservoir.veem.v1.DiskChunk.$Shape): reservoir.veem.v1.DiskChunk & reservoir.veem.v1.DiskChunk.$Shape;
                static create(properties?: reservoir.veem.v1.DiskChunk.$Properties): reservoir.veem.v1.DiskChunk;
                static encode(message: reservoir.veem.v1.DiskChunk.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.DiskChunk & reservoir.veem.v1.DiskChunk.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.DiskChunk;
                static toObject(message: reservoir.veem.v1.DiskChunk, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace DiskChunk {
                interface $Properties {
                    transferId?: (string|null);
                    offset?: (number|null);
                    data?: (Uint8Array|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.DiskChunk.$Properties;
            }

            interface IDiskChunkAck extends reservoir.veem.v1.DiskChunkAck.$Properties {
            }

            class DiskChunkAck {
                constructor(properties?: reservoir.veem.v1.DiskChunkAck.$Properties);
                $unknowns?: Uint8Array[];
                writtenBytes: number;
                static create(properties: reservoir.veem.v1.DiskChunkAck.$Shape): reservoir.veem.v1.DiskChunkAck & reservoir.veem.v1.DiskChunkAck.$Shape;
                static create(properties?: reservoir.veem.v1.DiskChunkAck.$Properties): reservoir.veem.v1.DiskChunkAck;
                static encode(message: reservoir.veem.v1.DiskChunkAck.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.DiskChunkAck & reservoir.veem.v1.DiskChunkAck.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.DiskChunkAck;
                static toObject(message: reservoir.veem.v1.DiskChunkAck, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace DiskChunkAck {
                interface $Properties {
                    writtenBytes?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.DiskChunkAck.$Properties;
            }

            interface IInitializeRequest extends reservoir.veem.v1.InitializeRequest.$Properties {
            }

            class InitializeRequest {
                constructor(properties?: reservoir.veem.v1.InitializeRequest.$Properties);
                $unknowns?: Uint8Array[];
                transferId: string;
                sha256: string;
                totalBytes: number;
                format: string;
                static create(properties: reservoir.veem.v1.InitializeRequest.$Shape): reservoir.veem.v1.InitializeRequest & reservoir.veem.v1.InitializeRequest.$Shape;
                static create(properties?: reservoir.veem.v1.InitializeRequest.$Properties): reservoir.veem.v1.InitializeRequest;
                static encode(message: reservoir.veem.v1.InitializeRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.InitializeRequest & reservoir.veem.v1.InitializeRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.InitializeRequest;
                static toObject(message: reservoir.veem.v1.InitializeRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace InitializeRequest {
                interface $Properties {
                    transferId?: (string|null);
                    sha256?: (string|null);
                    totalBytes?: (number|null);
                    format?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.InitializeRequest.$Properties;
            }

            interface IIncomingRequest extends reservoir.veem.v1.IncomingRequest.$Properties {
            }

            class IncomingRequest {
                constructor(properties?: reservoir.veem.v1.IncomingRequest.$Properties);
                $unknowns?: Uint8Array[];
                transferId: string;
                timeoutMs: number;
                static create(properties: reservoir.veem.v1.IncomingRequest.$Shape): reservoir.veem.v1.IncomingRequest & reservoir.veem.v1.IncomingRequest.$Shape;
                static create(properties?: reservoir.veem.v1.IncomingRequest.$Properties): reservoir.veem.v1.IncomingRequest;
                static encode(message: reservoir.veem.v1.IncomingRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.IncomingRequest & reservoir.veem.v1.IncomingRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.IncomingRequest;
                static toObject(message: reservoir.veem.v1.IncomingRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace IncomingRequest {
                interface $Properties {
                    transferId?: (string|null);
                    timeoutMs?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.IncomingRequest.$Properties;
            }

            interface IIncomingStatus extends reservoir.veem.v1.IncomingStatus.$Properties {
            }

            class IncomingStatus {
                constructor(properties?: reservoir.veem.v1.IncomingStatus.$Properties);
                $unknowns?: Uint8Array[];
                transferId: string;
                step: string;
                targetVmId: string;
                targetImageId: string;
                vmState: string;
                fromSite: string;
                writtenBytes: number;
                static create(properties: reservoir.veem.v1.IncomingStatus.$Shape): reservoir.veem.v1.IncomingStatus & reservoir.veem.v1.IncomingStatus.$Shape;
                static create(properties?: reservoir.veem.v1.IncomingStatus.$Properties): reservoir.veem.v1.IncomingStatus;
                static encode(message: reservoir.veem.v1.IncomingStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.IncomingStatus & reservoir.veem.v1.IncomingStatus.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.IncomingStatus;
                static toObject(message: reservoir.veem.v1.IncomingStatus, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace IncomingStatus {
                interface $Properties {
                    transferId?: (string|null);
                    step?: (string|null);
                    targetVmId?: (string|null);
                    targetImageId?: (string|null);
                    vmState?: (string|null);
                    fromSite?: (string|null);
                    writtenBytes?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.IncomingStatus.$Properties;
            }

            enum TransferMode {
                TRANSFER_MODE_UNSPECIFIED = 0,
                TRANSFER_MODE_COPY = 1,
                TRANSFER_MODE_MOVE = 2
            }

            interface ITransferVmRequest extends reservoir.veem.v1.TransferVmRequest.$Properties {
            }

            class TransferVmRequest {
                constructor(properties?: reservoir.veem.v1.TransferVmRequest.$Properties);
                $unknowns?: Uint8Array[];
                vmId: string;
                target: string;
                mode: reservoir.veem.v1.TransferMode;
                requestId: string;
                static create(properties: reservoir.veem.v1.TransferVmRequest.$Shape): reservoir.veem.v1.TransferVmRequest & reservoir.veem.v1.TransferVmRequest.$Shape;
                static create(properties?: reservoir.veem.v1.TransferVmRequest.$Properties): reservoir.veem.v1.TransferVmRequest;
                static encode(message: reservoir.veem.v1.TransferVmRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.TransferVmRequest & reservoir.veem.v1.TransferVmRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.TransferVmRequest;
                static toObject(message: reservoir.veem.v1.TransferVmRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace TransferVmRequest {
                interface $Properties {
                    vmId?: (string|null);
                    target?: (string|null);
                    mode?: (reservoir.veem.v1.TransferMode|null);
                    requestId?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.TransferVmRequest.$Properties;
            }

            interface ITransferStep extends reservoir.veem.v1.TransferStep.$Properties {
            }

            class TransferStep {
                constructor(properties?: reservoir.veem.v1.TransferStep.$Properties);
                $unknowns?: Uint8Array[];
                step: string;
                outcome: string;
                code: string;
                message: string;
                atMs: number;
                ms: number;
                static create(properties: reservoir.veem.v1.TransferStep.$Shape): reservoir.veem.v1.TransferStep & reservoir.veem.v1.TransferStep.$Shape;
                static create(properties?: reservoir.veem.v1.TransferStep.$Properties): reservoir.veem.v1.TransferStep;
                static encode(message: reservoir.veem.v1.TransferStep.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.TransferStep & reservoir.veem.v1.TransferStep.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.TransferStep;
                static toObject(message: reservoir.veem.v1.TransferStep, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace TransferStep {
                interface $Properties {
                    step?: (string|null);
                    outcome?: (string|null);
                    code?: (string|null);
                    message?: (string|null);
                    atMs?: (number|null);
                    ms?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.TransferStep.$Properties;
            }

            interface ITransfer extends reservoir.veem.v1.Transfer.$Properties {
            }

            class Transfer {
                constructor(properties?: reservoir.veem.v1.Transfer.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                vmId: string;
                mode: string;
                sourceSite: string;
                targetSite: string;
                targetHost: string;
                state: string;
                step: string;
                targetVmId: string;
                sourceFormat: string;
                targetFormat: string;
                sha256: string;
                diskBytes: number;
                errorCode: string;
                errorMessage: string;
                log: reservoir.veem.v1.TransferStep.$Properties[];
                taskId: string;
                createdAtMs: number;
                level: number;
                static create(properties: reservoir.veem.v1.Transfer.$Shape): reservoir.veem.v1.Transfer & reservoir.veem.v1.Transfer.$Shape;
                static create(properties?: reservoir.veem.v1.Transfer.$Properties): reservoir.veem.v1.Transfer;
                static encode(message: reservoir.veem.v1.Transfer.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.Transfer & reservoir.veem.v1.Transfer.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.Transfer;
                static toObject(message: reservoir.veem.v1.Transfer, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace Transfer {
                interface $Properties {
                    id?: (string|null);
                    vmId?: (string|null);
                    mode?: (string|null);
                    sourceSite?: (string|null);
                    targetSite?: (string|null);
                    targetHost?: (string|null);
                    state?: (string|null);
                    step?: (string|null);
                    targetVmId?: (string|null);
                    sourceFormat?: (string|null);
                    targetFormat?: (string|null);
                    sha256?: (string|null);
                    diskBytes?: (number|null);
                    errorCode?: (string|null);
                    errorMessage?: (string|null);
                    log?: (reservoir.veem.v1.TransferStep.$Properties[]|null);
                    taskId?: (string|null);
                    createdAtMs?: (number|null);
                    level?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.Transfer.$Properties;
            }

            interface ITransferResponse extends reservoir.veem.v1.TransferResponse.$Properties {
            }

            class TransferResponse {
                constructor(properties?: reservoir.veem.v1.TransferResponse.$Properties);
                $unknowns?: Uint8Array[];
                transfer?: (reservoir.veem.v1.Transfer.$Properties|null);
                task?: (reservoir.common.v1.Task.$Properties|null);
                static create(properties: reservoir.veem.v1.TransferResponse.$Shape): reservoir.veem.v1.TransferResponse & reservoir.veem.v1.TransferResponse.$Shape;
                static create(properties?: reservoir.veem.v1.TransferResponse.$Properties): reservoir.veem.v1.TransferResponse;
                static encode(message: reservoir.veem.v1.TransferResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.TransferResponse & reservoir.veem.v1.TransferResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.TransferResponse;
                static toObject(message: reservoir.veem.v1.TransferResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace TransferResponse {
                interface $Properties {
                    transfer?: (reservoir.veem.v1.Transfer.$Properties|null);
                    task?: (reservoir.common.v1.Task.$Properties|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.TransferResponse.$Properties;
            }

            interface IGetTransferRequest extends reservoir.veem.v1.GetTransferRequest.$Properties {
            }

            class GetTransferRequest {
                constructor(properties?: reservoir.veem.v1.GetTransferRequest.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                static create(properties: reservoir.veem.v1.GetTransferRequest.$Shape): reservoir.veem.v1.GetTransferRequest & reservoir.veem.v1.GetTransferRequest.$Shape;
                static create(properties?: reservoir.veem.v1.GetTransferRequest.$Properties): reservoir.veem.v1.GetTransferRequest;
                static encode(message: reservoir.veem.v1.GetTransferRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.GetTransferRequest & reservoir.veem.v1.GetTransferRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.GetTransferRequest;
                static toObject(message: reservoir.veem.v1.GetTransferRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace GetTransferRequest {
                interface $Properties {
                    id?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.GetTransferRequest.$Properties;
            }

            interface IListTransfersRequest extends reservoir.veem.v1.ListTransfersRequest.$Properties {
            }

            class ListTransfersRequest {
                constructor(properties?: reservoir.veem.v1.ListTransfersRequest.$Properties);
                $unknowns?: Uint8Array[];
                vmId: string;
                static create(properties: reservoir.veem.v1.ListTransfersRequest.$Shape): reservoir.veem.v1.ListTransfersRequest & reservoir.veem.v1.ListTransfersRequest.$Shape;
                static create(properties?: reservoir.veem.v1.ListTransfersRequest.$Properties): reservoir.veem.v1.ListTransfersRequest;
                static encode(message: reservoir.veem.v1.ListTransfersRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.ListTransfersRequest & reservoir.veem.v1.ListTransfersRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.ListTransfersRequest;
                static toObject(message: reservoir.veem.v1.ListTransfersRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListTransfersRequest {
                interface $Properties {
                    vmId?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.ListTransfersRequest.$Properties;
            }

            interface IListTransfersResponse extends reservoir.veem.v1.ListTransfersResponse.$Properties {
            }

            class ListTransfersResponse {
                constructor(properties?: reservoir.veem.v1.ListTransfersResponse.$Properties);
                $unknowns?: Uint8Array[];
                transfers: reservoir.veem.v1.Transfer.$Properties[];
                static create(properties: reservoir.veem.v1.ListTransfersResponse.$Shape): reservoir.veem.v1.ListTransfersResponse & reservoir.veem.v1.ListTransfersResponse.$Shape;
                static create(properties?: reservoir.veem.v1.ListTransfersResponse.$Properties): reservoir.veem.v1.ListTransfersResponse;
                static encode(message: reservoir.veem.v1.ListTransfersResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.ListTransfersResponse & reservoir.veem.v1.ListTransfersResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.ListTransfersResponse;
                static toObject(message: reservoir.veem.v1.ListTransfersResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListTransfersResponse {
                interface $Properties {
                    transfers?: (reservoir.veem.v1.Transfer.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.ListTransfersResponse.$Properties;
            }

            interface IPartner extends reservoir.veem.v1.Partner.$Properties {
            }

            class Partner {
                constructor(properties?: reservoir.veem.v1.Partner.$Properties);
                $unknowns?: Uint8Array[];
                site: string;
                endpoint: string;
                reachable: boolean;
                error: string;
                offer?: (reservoir.veem.v1.SiteOffer.$Properties|null);
                static create(properties: reservoir.veem.v1.Partner.$Shape): reservoir.veem.v1.Partner & reservoir.veem.v1.Partner.$Shape;
                static create(properties?: reservoir.veem.v1.Partner.$Properties): reservoir.veem.v1.Partner;
                static encode(message: reservoir.veem.v1.Partner.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.Partner & reservoir.veem.v1.Partner.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.Partner;
                static toObject(message: reservoir.veem.v1.Partner, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace Partner {
                interface $Properties {
                    site?: (string|null);
                    endpoint?: (string|null);
                    reachable?: (boolean|null);
                    error?: (string|null);
                    offer?: (reservoir.veem.v1.SiteOffer.$Properties|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.Partner.$Properties;
            }

            interface IListPartnersRequest extends reservoir.veem.v1.ListPartnersRequest.$Properties {
            }

            class ListPartnersRequest {
                constructor(properties?: reservoir.veem.v1.ListPartnersRequest.$Properties);
                $unknowns?: Uint8Array[];
                static create(properties: reservoir.veem.v1.ListPartnersRequest.$Shape): reservoir.veem.v1.ListPartnersRequest & reservoir.veem.v1.ListPartnersRequest.$Shape;
                static create(properties?: reservoir.veem.v1.ListPartnersRequest.$Properties): reservoir.veem.v1.ListPartnersRequest;
                static encode(message: reservoir.veem.v1.ListPartnersRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.ListPartnersRequest & reservoir.veem.v1.ListPartnersRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.ListPartnersRequest;
                static toObject(message: reservoir.veem.v1.ListPartnersRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListPartnersRequest {
                interface $Properties {
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.ListPartnersRequest.$Properties;
            }

            interface IListPartnersResponse extends reservoir.veem.v1.ListPartnersResponse.$Properties {
            }

            class ListPartnersResponse {
                constructor(properties?: reservoir.veem.v1.ListPartnersResponse.$Properties);
                $unknowns?: Uint8Array[];
                partners: reservoir.veem.v1.Partner.$Properties[];
                static create(properties: reservoir.veem.v1.ListPartnersResponse.$Shape): reservoir.veem.v1.ListPartnersResponse & reservoir.veem.v1.ListPartnersResponse.$Shape;
                static create(properties?: reservoir.veem.v1.ListPartnersResponse.$Properties): reservoir.veem.v1.ListPartnersResponse;
                static encode(message: reservoir.veem.v1.ListPartnersResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.ListPartnersResponse & reservoir.veem.v1.ListPartnersResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.ListPartnersResponse;
                static toObject(message: reservoir.veem.v1.ListPartnersResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListPartnersResponse {
                interface $Properties {
                    partners?: (reservoir.veem.v1.Partner.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.ListPartnersResponse.$Properties;
            }

            interface IInteropStep extends reservoir.veem.v1.InteropStep.$Properties {
            }

            class InteropStep {
                constructor(properties?: reservoir.veem.v1.InteropStep.$Properties);
                $unknowns?: Uint8Array[];
                step: string;
                title: string;
                score: string;
                detail: string;
                ms: number;
                notRun: boolean;
                static create(properties: reservoir.veem.v1.InteropStep.$Shape): reservoir.veem.v1.InteropStep & reservoir.veem.v1.InteropStep.$Shape;
                static create(properties?: reservoir.veem.v1.InteropStep.$Properties): reservoir.veem.v1.InteropStep;
                static encode(message: reservoir.veem.v1.InteropStep.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.InteropStep & reservoir.veem.v1.InteropStep.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.InteropStep;
                static toObject(message: reservoir.veem.v1.InteropStep, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace InteropStep {
                interface $Properties {
                    step?: (string|null);
                    title?: (string|null);
                    score?: (string|null);
                    detail?: (string|null);
                    ms?: (number|null);
                    notRun?: (boolean|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.InteropStep.$Properties;
            }

            interface IInteropTestRequest extends reservoir.veem.v1.InteropTestRequest.$Properties {
            }

            class InteropTestRequest {
                constructor(properties?: reservoir.veem.v1.InteropTestRequest.$Properties);
                $unknowns?: Uint8Array[];
                vmId: string;
                target: string;
                keep: boolean;
                strictFacts: string[];
                static create(properties: reservoir.veem.v1.InteropTestRequest.$Shape): reservoir.veem.v1.InteropTestRequest & reservoir.veem.v1.InteropTestRequest.$Shape;
                static create(properties?: reservoir.veem.v1.InteropTestRequest.$Properties): reservoir.veem.v1.InteropTestRequest;
                static encode(message: reservoir.veem.v1.InteropTestRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.InteropTestRequest & reservoir.veem.v1.InteropTestRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.InteropTestRequest;
                static toObject(message: reservoir.veem.v1.InteropTestRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace InteropTestRequest {
                interface $Properties {
                    vmId?: (string|null);
                    target?: (string|null);
                    keep?: (boolean|null);
                    strictFacts?: (string[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.InteropTestRequest.$Properties;
            }

            interface IInteropTestResult extends reservoir.veem.v1.InteropTestResult.$Properties {
            }

            class InteropTestResult {
                constructor(properties?: reservoir.veem.v1.InteropTestResult.$Properties);
                $unknowns?: Uint8Array[];
                score: string;
                steps: reservoir.veem.v1.InteropStep.$Properties[];
                report?: (reservoir.veem.v1.InteropReport.$Properties|null);
                guestChanges: reservoir.veem.v1.Difference.$Properties[];
                targetVmId: string;
                static create(properties: reservoir.veem.v1.InteropTestResult.$Shape): reservoir.veem.v1.InteropTestResult & reservoir.veem.v1.InteropTestResult.$Shape;
                static create(properties?: reservoir.veem.v1.InteropTestResult.$Properties): reservoir.veem.v1.InteropTestResult;
                static encode(message: reservoir.veem.v1.InteropTestResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.InteropTestResult & reservoir.veem.v1.InteropTestResult.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.InteropTestResult;
                static toObject(message: reservoir.veem.v1.InteropTestResult, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace InteropTestResult {
                interface $Properties {
                    score?: (string|null);
                    steps?: (reservoir.veem.v1.InteropStep.$Properties[]|null);
                    report?: (reservoir.veem.v1.InteropReport.$Properties|null);
                    guestChanges?: (reservoir.veem.v1.Difference.$Properties[]|null);
                    targetVmId?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.InteropTestResult.$Properties;
            }

            class FederationService extends $protobuf.rpc.Service {
                constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);
                static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): FederationService;
                getOffer: reservoir.veem.v1.FederationService.GetOffer;
                configure: reservoir.veem.v1.FederationService.Configure;
                reserve: reservoir.veem.v1.FederationService.Reserve;
                writeDisk: reservoir.veem.v1.FederationService.WriteDisk;
                initialize: reservoir.veem.v1.FederationService.Initialize;
                start: reservoir.veem.v1.FederationService.Start;
                release: reservoir.veem.v1.FederationService.Release;
                getIncoming: reservoir.veem.v1.FederationService.GetIncoming;
                listPartners: reservoir.veem.v1.FederationService.ListPartners;
                checkInterop: reservoir.veem.v1.FederationService.CheckInterop;
                transferVm: reservoir.veem.v1.FederationService.TransferVm;
                getTransfer: reservoir.veem.v1.FederationService.GetTransfer;
                listTransfers: reservoir.veem.v1.FederationService.ListTransfers;
                runInteropTest: reservoir.veem.v1.FederationService.RunInteropTest;
            }

            namespace FederationService {
                type GetOfferCallback = (error: (Error|null), response?: reservoir.veem.v1.SiteOffer) => void;
                type GetOffer = {
                  (request: reservoir.veem.v1.IGetOfferRequest, callback: reservoir.veem.v1.FederationService.GetOfferCallback): void;
                  (request: reservoir.veem.v1.IGetOfferRequest): Promise<reservoir.veem.v1.SiteOffer>;
                  readonly name: "GetOffer";
                  readonly path: "/reservoir.veem.v1.FederationService/GetOffer";
                  readonly requestType: "GetOfferRequest";
                  readonly responseType: "SiteOffer";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ConfigureCallback = (error: (Error|null), response?: reservoir.veem.v1.StepReply) => void;
                type Configure = {
                  (request: reservoir.veem.v1.IConfigureRequest, callback: reservoir.veem.v1.FederationService.ConfigureCallback): void;
                  (request: reservoir.veem.v1.IConfigureRequest): Promise<reservoir.veem.v1.StepReply>;
                  readonly name: "Configure";
                  readonly path: "/reservoir.veem.v1.FederationService/Configure";
                  readonly requestType: "ConfigureRequest";
                  readonly responseType: "StepReply";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ReserveCallback = (error: (Error|null), response?: reservoir.veem.v1.StepReply) => void;
                type Reserve = {
                  (request: reservoir.veem.v1.IReserveRequest, callback: reservoir.veem.v1.FederationService.ReserveCallback): void;
                  (request: reservoir.veem.v1.IReserveRequest): Promise<reservoir.veem.v1.StepReply>;
                  readonly name: "Reserve";
                  readonly path: "/reservoir.veem.v1.FederationService/Reserve";
                  readonly requestType: "ReserveRequest";
                  readonly responseType: "StepReply";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type WriteDiskCallback = (error: (Error|null), response?: reservoir.veem.v1.DiskChunkAck) => void;
                type WriteDisk = {
                  (request: reservoir.veem.v1.IDiskChunk, callback: reservoir.veem.v1.FederationService.WriteDiskCallback): void;
                  (request: reservoir.veem.v1.IDiskChunk): Promise<reservoir.veem.v1.DiskChunkAck>;
                  readonly name: "WriteDisk";
                  readonly path: "/reservoir.veem.v1.FederationService/WriteDisk";
                  readonly requestType: "DiskChunk";
                  readonly responseType: "DiskChunkAck";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type InitializeCallback = (error: (Error|null), response?: reservoir.veem.v1.StepReply) => void;
                type Initialize = {
                  (request: reservoir.veem.v1.IInitializeRequest, callback: reservoir.veem.v1.FederationService.InitializeCallback): void;
                  (request: reservoir.veem.v1.IInitializeRequest): Promise<reservoir.veem.v1.StepReply>;
                  readonly name: "Initialize";
                  readonly path: "/reservoir.veem.v1.FederationService/Initialize";
                  readonly requestType: "InitializeRequest";
                  readonly responseType: "StepReply";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type StartCallback = (error: (Error|null), response?: reservoir.veem.v1.StepReply) => void;
                type Start = {
                  (request: reservoir.veem.v1.IIncomingRequest, callback: reservoir.veem.v1.FederationService.StartCallback): void;
                  (request: reservoir.veem.v1.IIncomingRequest): Promise<reservoir.veem.v1.StepReply>;
                  readonly name: "Start";
                  readonly path: "/reservoir.veem.v1.FederationService/Start";
                  readonly requestType: "IncomingRequest";
                  readonly responseType: "StepReply";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ReleaseCallback = (error: (Error|null), response?: reservoir.veem.v1.StepReply) => void;
                type Release = {
                  (request: reservoir.veem.v1.IIncomingRequest, callback: reservoir.veem.v1.FederationService.ReleaseCallback): void;
                  (request: reservoir.veem.v1.IIncomingRequest): Promise<reservoir.veem.v1.StepReply>;
                  readonly name: "Release";
                  readonly path: "/reservoir.veem.v1.FederationService/Release";
                  readonly requestType: "IncomingRequest";
                  readonly responseType: "StepReply";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type GetIncomingCallback = (error: (Error|null), response?: reservoir.veem.v1.IncomingStatus) => void;
                type GetIncoming = {
                  (request: reservoir.veem.v1.IIncomingRequest, callback: reservoir.veem.v1.FederationService.GetIncomingCallback): void;
                  (request: reservoir.veem.v1.IIncomingRequest): Promise<reservoir.veem.v1.IncomingStatus>;
                  readonly name: "GetIncoming";
                  readonly path: "/reservoir.veem.v1.FederationService/GetIncoming";
                  readonly requestType: "IncomingRequest";
                  readonly responseType: "IncomingStatus";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ListPartnersCallback = (error: (Error|null), response?: reservoir.veem.v1.ListPartnersResponse) => void;
                type ListPartners = {
                  (request: reservoir.veem.v1.IListPartnersRequest, callback: reservoir.veem.v1.FederationService.ListPartnersCallback): void;
                  (request: reservoir.veem.v1.IListPartnersRequest): Promise<reservoir.veem.v1.ListPartnersResponse>;
                  readonly name: "ListPartners";
                  readonly path: "/reservoir.veem.v1.FederationService/ListPartners";
                  readonly requestType: "ListPartnersRequest";
                  readonly responseType: "ListPartnersResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type CheckInteropCallback = (error: (Error|null), response?: reservoir.veem.v1.InteropReport) => void;
                type CheckInterop = {
                  (request: reservoir.veem.v1.ICheckInteropRequest, callback: reservoir.veem.v1.FederationService.CheckInteropCallback): void;
                  (request: reservoir.veem.v1.ICheckInteropRequest): Promise<reservoir.veem.v1.InteropReport>;
                  readonly name: "CheckInterop";
                  readonly path: "/reservoir.veem.v1.FederationService/CheckInterop";
                  readonly requestType: "CheckInteropRequest";
                  readonly responseType: "InteropReport";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type TransferVmCallback = (error: (Error|null), response?: reservoir.veem.v1.TransferResponse) => void;
                type TransferVm = {
                  (request: reservoir.veem.v1.ITransferVmRequest, callback: reservoir.veem.v1.FederationService.TransferVmCallback): void;
                  (request: reservoir.veem.v1.ITransferVmRequest): Promise<reservoir.veem.v1.TransferResponse>;
                  readonly name: "TransferVm";
                  readonly path: "/reservoir.veem.v1.FederationService/TransferVm";
                  readonly requestType: "TransferVmRequest";
                  readonly responseType: "TransferResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type GetTransferCallback = (error: (Error|null), response?: reservoir.veem.v1.Transfer) => void;
                type GetTransfer = {
                  (request: reservoir.veem.v1.IGetTransferRequest, callback: reservoir.veem.v1.FederationService.GetTransferCallback): void;
                  (request: reservoir.veem.v1.IGetTransferRequest): Promise<reservoir.veem.v1.Transfer>;
                  readonly name: "GetTransfer";
                  readonly path: "/reservoir.veem.v1.FederationService/GetTransfer";
                  readonly requestType: "GetTransferRequest";
                  readonly responseType: "Transfer";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ListTransfersCallback = (error: (Error|null), response?: reservoir.veem.v1.ListTransfersResponse) => void;
                type ListTransfers = {
                  (request: reservoir.veem.v1.IListTransfersRequest, callback: reservoir.veem.v1.FederationService.ListTransfersCallback): void;
                  (request: reservoir.veem.v1.IListTransfersRequest): Promise<reservoir.veem.v1.ListTransfersResponse>;
                  readonly name: "ListTransfers";
                  readonly path: "/reservoir.veem.v1.FederationService/ListTransfers";
                  readonly requestType: "ListTransfersRequest";
                  readonly responseType: "ListTransfersResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type RunInteropTestCallback = (error: (Error|null), response?: reservoir.veem.v1.InteropTestResult) => void;
                type RunInteropTest = {
                  (request: reservoir.veem.v1.IInteropTestRequest, callback: reservoir.veem.v1.FederationService.RunInteropTestCallback): void;
                  (request: reservoir.veem.v1.IInteropTestRequest): Promise<reservoir.veem.v1.InteropTestResult>;
                  readonly name: "RunInteropTest";
                  readonly path: "/reservoir.veem.v1.FederationService/RunInteropTest";
                  readonly requestType: "InteropTestRequest";
                  readonly responseType: "InteropTestResult";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
            }

            enum VmState {
                VM_STATE_UNSPECIFIED = 0,
                VM_STATE_PENDING = 1,
                VM_STATE_HOLD = 2,
                VM_STATE_PROLOG = 3,
                VM_STATE_BOOT = 4,
                VM_STATE_RUNNING = 5,
                VM_STATE_MIGRATING = 6,
                VM_STATE_SAVING = 7,
                VM_STATE_SUSPENDED = 8,
                VM_STATE_STOPPED = 9,
                VM_STATE_POWEROFF = 10,
                VM_STATE_SHUTDOWN = 11,
                VM_STATE_EPILOG = 12,
                VM_STATE_DONE = 13,
                VM_STATE_FAILED = 14,
                VM_STATE_UNKNOWN = 15
            }

            interface IVmNic extends reservoir.veem.v1.VmNic.$Properties {
            }

            class VmNic {
                constructor(properties?: reservoir.veem.v1.VmNic.$Properties);
                $unknowns?: Uint8Array[];
                networkId: string;
                ip: string;
                mac: string;
                static create(properties: reservoir.veem.v1.VmNic.$Shape): reservoir.veem.v1.VmNic & reservoir.veem.v1.VmNic.$Shape;
                static create(properties?: reservoir.veem.v1.VmNic.$Properties): reservoir.veem.v1.VmNic;
                static encode(message: reservoir.veem.v1.VmNic.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.VmNic & reservoir.veem.v1.VmNic.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.VmNic;
                static toObject(message: reservoir.veem.v1.VmNic, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace VmNic {
                interface $Properties {
                    networkId?: (string|null);
                    ip?: (string|null);
                    mac?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.VmNic.$Properties;
            }

            interface IPlacementGroup extends reservoir.veem.v1.PlacementGroup.$Properties {
            }

            class PlacementGroup {
                constructor(properties?: reservoir.veem.v1.PlacementGroup.$Properties);
                $unknowns?: Uint8Array[];
                name: string;
                type: string;
                scope: string;
                hard: boolean;
                min: number;
                static create(properties: reservoir.veem.v1.PlacementGroup.$Shape): reservoir.veem.v1.PlacementGroup & reservoir.veem.v1.PlacementGroup.$Shape;
                static create(properties?: reservoir.veem.v1.PlacementGroup.$Properties): reservoir.veem.v1.PlacementGroup;
                static encode(message: reservoir.veem.v1.PlacementGroup.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.PlacementGroup & reservoir.veem.v1.PlacementGroup.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.PlacementGroup;
                static toObject(message: reservoir.veem.v1.PlacementGroup, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace PlacementGroup {
                interface $Properties {
                    name?: (string|null);
                    type?: (string|null);
                    scope?: (string|null);
                    hard?: (boolean|null);
                    min?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.PlacementGroup.$Properties;
            }

            interface ILabelValues extends reservoir.veem.v1.LabelValues.$Properties {
            }

            class LabelValues {
                constructor(properties?: reservoir.veem.v1.LabelValues.$Properties);
                $unknowns?: Uint8Array[];
                values: string[];
                static create(properties: reservoir.veem.v1.LabelValues.$Shape): reservoir.veem.v1.LabelValues & reservoir.veem.v1.LabelValues.$Shape;
                static create(properties?: reservoir.veem.v1.LabelValues.$Properties): reservoir.veem.v1.LabelValues;
                static encode(message: reservoir.veem.v1.LabelValues.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.LabelValues & reservoir.veem.v1.LabelValues.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.LabelValues;
                static toObject(message: reservoir.veem.v1.LabelValues, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace LabelValues {
                interface $Properties {
                    values?: (string[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.LabelValues.$Properties;
            }

            interface IPlacement extends reservoir.veem.v1.Placement.$Properties {
            }

            class Placement {
                constructor(properties?: reservoir.veem.v1.Placement.$Properties);
                $unknowns?: Uint8Array[];
                groups: reservoir.veem.v1.PlacementGroup.$Properties[];
                allowedHosts: string[];
                forbiddenHosts: string[];
                allowedLabels: { [k: string]: reservoir.veem.v1.LabelValues.$Properties };
                setId: string;
                static create(properties: reservoir.veem.v1.Placement.$Shape): reservoir.veem.v1.Placement & reservoir.veem.v1.Placement.$Shape;
                static create(properties?: reservoir.veem.v1.Placement.$Properties): reservoir.veem.v1.Placement;
                static encode(message: reservoir.veem.v1.Placement.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.Placement & reservoir.veem.v1.Placement.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.Placement;
                static toObject(message: reservoir.veem.v1.Placement, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace Placement {
                interface $Properties {
                    groups?: (reservoir.veem.v1.PlacementGroup.$Properties[]|null);
                    allowedHosts?: (string[]|null);
                    forbiddenHosts?: (string[]|null);
                    allowedLabels?: ({ [k: string]: reservoir.veem.v1.LabelValues.$Properties }|null);
                    setId?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.Placement.$Properties;
            }

            interface IVm extends reservoir.veem.v1.Vm.$Properties {
            }

            class Vm {
                constructor(properties?: reservoir.veem.v1.Vm.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                name: string;
                state: string;
                host: string;
                site: string;
                organization: string;
                owner: string;
                resources?: (reservoir.common.v1.Resources.$Properties|null);
                imageId: string;
                nics: reservoir.veem.v1.VmNic.$Properties[];
                labels: { [k: string]: string };
                requirements: { [k: string]: string };
                reason: string;
                createdAtMs: number;
                stateSinceMs: number;
                previousState: string;
                migrationTarget: string;
                snapshots: string[];
                hypervisor: string;
                taskId: string;
                version: number;
                placement?: (reservoir.veem.v1.Placement.$Properties|null);
                context: { [k: string]: string };
                operationalRequirements: { [k: string]: string };
                burst?: (reservoir.common.v1.Resources.$Properties|null);
                guarantee?: (reservoir.common.v1.Resources.$Properties|null);
                burstInUse?: (reservoir.common.v1.Resources.$Properties|null);
                static create(properties: reservoir.veem.v1.Vm.$Shape): reservoir.veem.v1.Vm & reservoir.veem.v1.Vm.$Shape;
                static create(properties?: reservoir.veem.v1.Vm.$Properties): reservoir.veem.v1.Vm;
                static encode(message: reservoir.veem.v1.Vm.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.Vm & reservoir.veem.v1.Vm.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.Vm;
                static toObject(message: reservoir.veem.v1.Vm, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace Vm {
                interface $Properties {
                    id?: (string|null);
                    name?: (string|null);
                    state?: (string|null);
                    host?: (string|null);
                    site?: (string|null);
                    organization?: (string|null);
                    owner?: (string|null);
                    resources?: (reservoir.common.v1.Resources.$Properties|null);
                    imageId?: (string|null);
                    nics?: (reservoir.veem.v1.VmNic.$Properties[]|null);
                    labels?: ({ [k: string]: string }|null);
                    requirements?: ({ [k: string]: string }|null);
                    reason?: (string|null);
                    createdAtMs?: (number|null);
                    stateSinceMs?: (number|null);
                    previousState?: (string|null);
                    migrationTarget?: (string|null);
                    snapshots?: (string[]|null);
                    hypervisor?: (string|null);
                    taskId?: (string|null);
                    version?: (number|null);
                    placement?: (reservoir.veem.v1.Placement.$Properties|null);
                    context?: ({ [k: string]: string }|null);
                    operationalRequirements?: ({ [k: string]: string }|null);
                    burst?: (reservoir.common.v1.Resources.$Properties|null);
                    guarantee?: (reservoir.common.v1.Resources.$Properties|null);
                    burstInUse?: (reservoir.common.v1.Resources.$Properties|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.Vm.$Properties;
            }

            interface ICreateVmRequest extends reservoir.veem.v1.CreateVmRequest.$Properties {
            }

            class CreateVmRequest {
                constructor(properties?: reservoir.veem.v1.CreateVmRequest.$Properties);
                $unknowns?: Uint8Array[];
                name: string;
                resources?: (reservoir.common.v1.Resources.$Properties|null);
                imageId: string;
                networkIds: string[];
                labels: { [k: string]: string };
                requirements: { [k: string]: string };
                hold: boolean;
                requestId: string;
                organization: string;
                owner: string;
                host: string;
                placement?: (reservoir.veem.v1.Placement.$Properties|null);
                context: { [k: string]: string };
                operationalRequirements: { [k: string]: string };
                burst?: (reservoir.common.v1.Resources.$Properties|null);
                static create(properties: reservoir.veem.v1.CreateVmRequest.$Shape): reservoir.veem.v1.CreateVmRequest & reservoir.veem.v1.CreateVmRequest.$Shape;
                static create(properties?: reservoir.veem.v1.CreateVmRequest.$Properties): reservoir.veem.v1.CreateVmRequest;
                static encode(message: reservoir.veem.v1.CreateVmRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.CreateVmRequest & reservoir.veem.v1.CreateVmRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.CreateVmRequest;
                static toObject(message: reservoir.veem.v1.CreateVmRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace CreateVmRequest {
                interface $Properties {
                    name?: (string|null);
                    resources?: (reservoir.common.v1.Resources.$Properties|null);
                    imageId?: (string|null);
                    networkIds?: (string[]|null);
                    labels?: ({ [k: string]: string }|null);
                    requirements?: ({ [k: string]: string }|null);
                    hold?: (boolean|null);
                    requestId?: (string|null);
                    organization?: (string|null);
                    owner?: (string|null);
                    host?: (string|null);
                    placement?: (reservoir.veem.v1.Placement.$Properties|null);
                    context?: ({ [k: string]: string }|null);
                    operationalRequirements?: ({ [k: string]: string }|null);
                    burst?: (reservoir.common.v1.Resources.$Properties|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.CreateVmRequest.$Properties;
            }

            interface ICreateVmSetRequest extends reservoir.veem.v1.CreateVmSetRequest.$Properties {
            }

            class CreateVmSetRequest {
                constructor(properties?: reservoir.veem.v1.CreateVmSetRequest.$Properties);
                $unknowns?: Uint8Array[];
                vms: reservoir.veem.v1.CreateVmRequest.$Properties[];
                requestId: string;
                organization: string;
                owner: string;
                static create(properties: reservoir.veem.v1.CreateVmSetRequest.$Shape): reservoir.veem.v1.CreateVmSetRequest & reservoir.veem.v1.CreateVmSetRequest.$Shape;
                static create(properties?: reservoir.veem.v1.CreateVmSetRequest.$Properties): reservoir.veem.v1.CreateVmSetRequest;
                static encode(message: reservoir.veem.v1.CreateVmSetRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.CreateVmSetRequest & reservoir.veem.v1.CreateVmSetRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.CreateVmSetRequest;
                static toObject(message: reservoir.veem.v1.CreateVmSetRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace CreateVmSetRequest {
                interface $Properties {
                    vms?: (reservoir.veem.v1.CreateVmRequest.$Properties[]|null);
                    requestId?: (string|null);
                    organization?: (string|null);
                    owner?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.CreateVmSetRequest.$Properties;
            }

            interface IVmRefusal extends reservoir.veem.v1.VmRefusal.$Properties {
            }

            class VmRefusal {
                constructor(properties?: reservoir.veem.v1.VmRefusal.$Properties);
                $unknowns?: Uint8Array[];
                name: string;
                reasons: string[];
                static create(properties: reservoir.veem.v1.VmRefusal.$Shape): reservoir.veem.v1.VmRefusal & reservoir.veem.v1.VmRefusal.$Shape;
                static create(properties?: reservoir.veem.v1.VmRefusal.$Properties): reservoir.veem.v1.VmRefusal;
                static encode(message: reservoir.veem.v1.VmRefusal.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.VmRefusal & reservoir.veem.v1.VmRefusal.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.VmRefusal;
                static toObject(message: reservoir.veem.v1.VmRefusal, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace VmRefusal {
                interface $Properties {
                    name?: (string|null);
                    reasons?: (string[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.VmRefusal.$Properties;
            }

            interface ICreateVmSetResponse extends reservoir.veem.v1.CreateVmSetResponse.$Properties {
            }

            class CreateVmSetResponse {
                constructor(properties?: reservoir.veem.v1.CreateVmSetResponse.$Properties);
                $unknowns?: Uint8Array[];
                accepted: boolean;
                vms: reservoir.veem.v1.VmTaskResponse.$Properties[];
                refusals: reservoir.veem.v1.VmRefusal.$Properties[];
                setId: string;
                static create(properties: reservoir.veem.v1.CreateVmSetResponse.$Shape): reservoir.veem.v1.CreateVmSetResponse & reservoir.veem.v1.CreateVmSetResponse.$Shape;
                static create(properties?: reservoir.veem.v1.CreateVmSetResponse.$Properties): reservoir.veem.v1.CreateVmSetResponse;
                static encode(message: reservoir.veem.v1.CreateVmSetResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.CreateVmSetResponse & reservoir.veem.v1.CreateVmSetResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.CreateVmSetResponse;
                static toObject(message: reservoir.veem.v1.CreateVmSetResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace CreateVmSetResponse {
                interface $Properties {
                    accepted?: (boolean|null);
                    vms?: (reservoir.veem.v1.VmTaskResponse.$Properties[]|null);
                    refusals?: (reservoir.veem.v1.VmRefusal.$Properties[]|null);
                    setId?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.CreateVmSetResponse.$Properties;
            }

            interface IVmTaskResponse extends reservoir.veem.v1.VmTaskResponse.$Properties {
            }

            class VmTaskResponse {
                constructor(properties?: reservoir.veem.v1.VmTaskResponse.$Properties);
                $unknowns?: Uint8Array[];
                vm?: (reservoir.veem.v1.Vm.$Properties|null);
                task?: (reservoir.common.v1.Task.$Properties|null);
                static create(properties: reservoir.veem.v1.VmTaskResponse.$Shape): reservoir.veem.v1.VmTaskResponse & reservoir.veem.v1.VmTaskResponse.$Shape;
                static create(properties?: reservoir.veem.v1.VmTaskResponse.$Properties): reservoir.veem.v1.VmTaskResponse;
                static encode(message: reservoir.veem.v1.VmTaskResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.VmTaskResponse & reservoir.veem.v1.VmTaskResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.VmTaskResponse;
                static toObject(message: reservoir.veem.v1.VmTaskResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace VmTaskResponse {
                interface $Properties {
                    vm?: (reservoir.veem.v1.Vm.$Properties|null);
                    task?: (reservoir.common.v1.Task.$Properties|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.VmTaskResponse.$Properties;
            }

            interface IGetVmRequest extends reservoir.veem.v1.GetVmRequest.$Properties {
            }

            class GetVmRequest {
                constructor(properties?: reservoir.veem.v1.GetVmRequest.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                static create(properties: reservoir.veem.v1.GetVmRequest.$Shape): reservoir.veem.v1.GetVmRequest & reservoir.veem.v1.GetVmRequest.$Shape;
                static create(properties?: reservoir.veem.v1.GetVmRequest.$Properties): reservoir.veem.v1.GetVmRequest;
                static encode(message: reservoir.veem.v1.GetVmRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.GetVmRequest & reservoir.veem.v1.GetVmRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.GetVmRequest;
                static toObject(message: reservoir.veem.v1.GetVmRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace GetVmRequest {
                interface $Properties {
                    id?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.GetVmRequest.$Properties;
            }

            interface IListVmsRequest extends reservoir.veem.v1.ListVmsRequest.$Properties {
            }

            class ListVmsRequest {
                constructor(properties?: reservoir.veem.v1.ListVmsRequest.$Properties);
                $unknowns?: Uint8Array[];
                organization: string;
                states: string[];
                host: string;
                pageSize: number;
                pageToken: string;
                includeDone: boolean;
                static create(properties: reservoir.veem.v1.ListVmsRequest.$Shape): reservoir.veem.v1.ListVmsRequest & reservoir.veem.v1.ListVmsRequest.$Shape;
                static create(properties?: reservoir.veem.v1.ListVmsRequest.$Properties): reservoir.veem.v1.ListVmsRequest;
                static encode(message: reservoir.veem.v1.ListVmsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.ListVmsRequest & reservoir.veem.v1.ListVmsRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.ListVmsRequest;
                static toObject(message: reservoir.veem.v1.ListVmsRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListVmsRequest {
                interface $Properties {
                    organization?: (string|null);
                    states?: (string[]|null);
                    host?: (string|null);
                    pageSize?: (number|null);
                    pageToken?: (string|null);
                    includeDone?: (boolean|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.ListVmsRequest.$Properties;
            }

            interface IListVmsResponse extends reservoir.veem.v1.ListVmsResponse.$Properties {
            }

            class ListVmsResponse {
                constructor(properties?: reservoir.veem.v1.ListVmsResponse.$Properties);
                $unknowns?: Uint8Array[];
                vms: reservoir.veem.v1.Vm.$Properties[];
                nextPageToken: string;
                total: number;
                static create(properties: reservoir.veem.v1.ListVmsResponse.$Shape): reservoir.veem.v1.ListVmsResponse & reservoir.veem.v1.ListVmsResponse.$Shape;
                static create(properties?: reservoir.veem.v1.ListVmsResponse.$Properties): reservoir.veem.v1.ListVmsResponse;
                static encode(message: reservoir.veem.v1.ListVmsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.ListVmsResponse & reservoir.veem.v1.ListVmsResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.ListVmsResponse;
                static toObject(message: reservoir.veem.v1.ListVmsResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListVmsResponse {
                interface $Properties {
                    vms?: (reservoir.veem.v1.Vm.$Properties[]|null);
                    nextPageToken?: (string|null);
                    total?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.ListVmsResponse.$Properties;
            }

            enum VmAction {
                VM_ACTION_UNSPECIFIED = 0,
                VM_ACTION_START = 1,
                VM_ACTION_STOP = 2,
                VM_ACTION_POWEROFF_HARD = 3,
                VM_ACTION_SUSPEND = 4,
                VM_ACTION_RESUME = 5,
                VM_ACTION_DELETE = 6,
                VM_ACTION_REBOOT = 7,
                VM_ACTION_HOLD = 8,
                VM_ACTION_RELEASE = 9,
                VM_ACTION_UNDEPLOY = 10
            }

            interface IVmActionRequest extends reservoir.veem.v1.VmActionRequest.$Properties {
            }

            class VmActionRequest {
                constructor(properties?: reservoir.veem.v1.VmActionRequest.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                action: reservoir.veem.v1.VmAction;
                static create(properties: reservoir.veem.v1.VmActionRequest.$Shape): reservoir.veem.v1.VmActionRequest & reservoir.veem.v1.VmActionRequest.$Shape;
                static create(properties?: reservoir.veem.v1.VmActionRequest.$Properties): reservoir.veem.v1.VmActionRequest;
                static encode(message: reservoir.veem.v1.VmActionRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.VmActionRequest & reservoir.veem.v1.VmActionRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.VmActionRequest;
                static toObject(message: reservoir.veem.v1.VmActionRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace VmActionRequest {
                interface $Properties {
                    id?: (string|null);
                    action?: (reservoir.veem.v1.VmAction|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.VmActionRequest.$Properties;
            }

            enum RecoverMode {
                RECOVER_MODE_UNSPECIFIED = 0,
                RECOVER_MODE_AUTO = 1,
                RECOVER_MODE_RETRY = 2,
                RECOVER_MODE_SUCCESS = 3,
                RECOVER_MODE_FAILURE = 4,
                RECOVER_MODE_DELETE = 5
            }

            interface IRecoverVmRequest extends reservoir.veem.v1.RecoverVmRequest.$Properties {
            }

            class RecoverVmRequest {
                constructor(properties?: reservoir.veem.v1.RecoverVmRequest.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                mode: reservoir.veem.v1.RecoverMode;
                static create(properties: reservoir.veem.v1.RecoverVmRequest.$Shape): reservoir.veem.v1.RecoverVmRequest & reservoir.veem.v1.RecoverVmRequest.$Shape;
                static create(properties?: reservoir.veem.v1.RecoverVmRequest.$Properties): reservoir.veem.v1.RecoverVmRequest;
                static encode(message: reservoir.veem.v1.RecoverVmRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.RecoverVmRequest & reservoir.veem.v1.RecoverVmRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.RecoverVmRequest;
                static toObject(message: reservoir.veem.v1.RecoverVmRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace RecoverVmRequest {
                interface $Properties {
                    id?: (string|null);
                    mode?: (reservoir.veem.v1.RecoverMode|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.RecoverVmRequest.$Properties;
            }

            interface IMigrateVmRequest extends reservoir.veem.v1.MigrateVmRequest.$Properties {
            }

            class MigrateVmRequest {
                constructor(properties?: reservoir.veem.v1.MigrateVmRequest.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                targetHost: string;
                live: boolean;
                static create(properties: reservoir.veem.v1.MigrateVmRequest.$Shape): reservoir.veem.v1.MigrateVmRequest & reservoir.veem.v1.MigrateVmRequest.$Shape;
                static create(properties?: reservoir.veem.v1.MigrateVmRequest.$Properties): reservoir.veem.v1.MigrateVmRequest;
                static encode(message: reservoir.veem.v1.MigrateVmRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.MigrateVmRequest & reservoir.veem.v1.MigrateVmRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.MigrateVmRequest;
                static toObject(message: reservoir.veem.v1.MigrateVmRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace MigrateVmRequest {
                interface $Properties {
                    id?: (string|null);
                    targetHost?: (string|null);
                    live?: (boolean|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.MigrateVmRequest.$Properties;
            }

            interface ICancelMigrationRequest extends reservoir.veem.v1.CancelMigrationRequest.$Properties {
            }

            class CancelMigrationRequest {
                constructor(properties?: reservoir.veem.v1.CancelMigrationRequest.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                static create(properties: reservoir.veem.v1.CancelMigrationRequest.$Shape): reservoir.veem.v1.CancelMigrationRequest & reservoir.veem.v1.CancelMigrationRequest.$Shape;
                static create(properties?: reservoir.veem.v1.CancelMigrationRequest.$Properties): reservoir.veem.v1.CancelMigrationRequest;
                static encode(message: reservoir.veem.v1.CancelMigrationRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.CancelMigrationRequest & reservoir.veem.v1.CancelMigrationRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.CancelMigrationRequest;
                static toObject(message: reservoir.veem.v1.CancelMigrationRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace CancelMigrationRequest {
                interface $Properties {
                    id?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.CancelMigrationRequest.$Properties;
            }

            interface IResizeVmRequest extends reservoir.veem.v1.ResizeVmRequest.$Properties {
            }

            class ResizeVmRequest {
                constructor(properties?: reservoir.veem.v1.ResizeVmRequest.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                vcpus: number;
                memoryMib: number;
                allowReboot: boolean;
                static create(properties: reservoir.veem.v1.ResizeVmRequest.$Shape): reservoir.veem.v1.ResizeVmRequest & reservoir.veem.v1.ResizeVmRequest.$Shape;
                static create(properties?: reservoir.veem.v1.ResizeVmRequest.$Properties): reservoir.veem.v1.ResizeVmRequest;
                static encode(message: reservoir.veem.v1.ResizeVmRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.ResizeVmRequest & reservoir.veem.v1.ResizeVmRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.ResizeVmRequest;
                static toObject(message: reservoir.veem.v1.ResizeVmRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ResizeVmRequest {
                interface $Properties {
                    id?: (string|null);
                    vcpus?: (number|null);
                    memoryMib?: (number|null);
                    allowReboot?: (boolean|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.ResizeVmRequest.$Properties;
            }

            interface ISnapshotVmRequest extends reservoir.veem.v1.SnapshotVmRequest.$Properties {
            }

            class SnapshotVmRequest {
                constructor(properties?: reservoir.veem.v1.SnapshotVmRequest.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                name: string;
                static create(properties: reservoir.veem.v1.SnapshotVmRequest.$Shape): reservoir.veem.v1.SnapshotVmRequest & reservoir.veem.v1.SnapshotVmRequest.$Shape;
                static create(properties?: reservoir.veem.v1.SnapshotVmRequest.$Properties): reservoir.veem.v1.SnapshotVmRequest;
                static encode(message: reservoir.veem.v1.SnapshotVmRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.SnapshotVmRequest & reservoir.veem.v1.SnapshotVmRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.SnapshotVmRequest;
                static toObject(message: reservoir.veem.v1.SnapshotVmRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace SnapshotVmRequest {
                interface $Properties {
                    id?: (string|null);
                    name?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.SnapshotVmRequest.$Properties;
            }

            class VmService extends $protobuf.rpc.Service {
                constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);
                static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): VmService;
                createVm: reservoir.veem.v1.VmService.CreateVm;
                createVmSet: reservoir.veem.v1.VmService.CreateVmSet;
                getVm: reservoir.veem.v1.VmService.GetVm;
                listVms: reservoir.veem.v1.VmService.ListVms;
                actOnVm: reservoir.veem.v1.VmService.ActOnVm;
                recoverVm: reservoir.veem.v1.VmService.RecoverVm;
                migrateVm: reservoir.veem.v1.VmService.MigrateVm;
                cancelMigration: reservoir.veem.v1.VmService.CancelMigration;
                resizeVm: reservoir.veem.v1.VmService.ResizeVm;
                snapshotVm: reservoir.veem.v1.VmService.SnapshotVm;
                revertVm: reservoir.veem.v1.VmService.RevertVm;
            }

            namespace VmService {
                type CreateVmCallback = (error: (Error|null), response?: reservoir.veem.v1.VmTaskResponse) => void;
                type CreateVm = {
                  (request: reservoir.veem.v1.ICreateVmRequest, callback: reservoir.veem.v1.VmService.CreateVmCallback): void;
                  (request: reservoir.veem.v1.ICreateVmRequest): Promise<reservoir.veem.v1.VmTaskResponse>;
                  readonly name: "CreateVm";
                  readonly path: "/reservoir.veem.v1.VmService/CreateVm";
                  readonly requestType: "CreateVmRequest";
                  readonly responseType: "VmTaskResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type CreateVmSetCallback = (error: (Error|null), response?: reservoir.veem.v1.CreateVmSetResponse) => void;
                type CreateVmSet = {
                  (request: reservoir.veem.v1.ICreateVmSetRequest, callback: reservoir.veem.v1.VmService.CreateVmSetCallback): void;
                  (request: reservoir.veem.v1.ICreateVmSetRequest): Promise<reservoir.veem.v1.CreateVmSetResponse>;
                  readonly name: "CreateVmSet";
                  readonly path: "/reservoir.veem.v1.VmService/CreateVmSet";
                  readonly requestType: "CreateVmSetRequest";
                  readonly responseType: "CreateVmSetResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type GetVmCallback = (error: (Error|null), response?: reservoir.veem.v1.Vm) => void;
                type GetVm = {
                  (request: reservoir.veem.v1.IGetVmRequest, callback: reservoir.veem.v1.VmService.GetVmCallback): void;
                  (request: reservoir.veem.v1.IGetVmRequest): Promise<reservoir.veem.v1.Vm>;
                  readonly name: "GetVm";
                  readonly path: "/reservoir.veem.v1.VmService/GetVm";
                  readonly requestType: "GetVmRequest";
                  readonly responseType: "Vm";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ListVmsCallback = (error: (Error|null), response?: reservoir.veem.v1.ListVmsResponse) => void;
                type ListVms = {
                  (request: reservoir.veem.v1.IListVmsRequest, callback: reservoir.veem.v1.VmService.ListVmsCallback): void;
                  (request: reservoir.veem.v1.IListVmsRequest): Promise<reservoir.veem.v1.ListVmsResponse>;
                  readonly name: "ListVms";
                  readonly path: "/reservoir.veem.v1.VmService/ListVms";
                  readonly requestType: "ListVmsRequest";
                  readonly responseType: "ListVmsResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ActOnVmCallback = (error: (Error|null), response?: reservoir.veem.v1.VmTaskResponse) => void;
                type ActOnVm = {
                  (request: reservoir.veem.v1.IVmActionRequest, callback: reservoir.veem.v1.VmService.ActOnVmCallback): void;
                  (request: reservoir.veem.v1.IVmActionRequest): Promise<reservoir.veem.v1.VmTaskResponse>;
                  readonly name: "ActOnVm";
                  readonly path: "/reservoir.veem.v1.VmService/ActOnVm";
                  readonly requestType: "VmActionRequest";
                  readonly responseType: "VmTaskResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type RecoverVmCallback = (error: (Error|null), response?: reservoir.veem.v1.VmTaskResponse) => void;
                type RecoverVm = {
                  (request: reservoir.veem.v1.IRecoverVmRequest, callback: reservoir.veem.v1.VmService.RecoverVmCallback): void;
                  (request: reservoir.veem.v1.IRecoverVmRequest): Promise<reservoir.veem.v1.VmTaskResponse>;
                  readonly name: "RecoverVm";
                  readonly path: "/reservoir.veem.v1.VmService/RecoverVm";
                  readonly requestType: "RecoverVmRequest";
                  readonly responseType: "VmTaskResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type MigrateVmCallback = (error: (Error|null), response?: reservoir.veem.v1.VmTaskResponse) => void;
                type MigrateVm = {
                  (request: reservoir.veem.v1.IMigrateVmRequest, callback: reservoir.veem.v1.VmService.MigrateVmCallback): void;
                  (request: reservoir.veem.v1.IMigrateVmRequest): Promise<reservoir.veem.v1.VmTaskResponse>;
                  readonly name: "MigrateVm";
                  readonly path: "/reservoir.veem.v1.VmService/MigrateVm";
                  readonly requestType: "MigrateVmRequest";
                  readonly responseType: "VmTaskResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type CancelMigrationCallback = (error: (Error|null), response?: reservoir.veem.v1.VmTaskResponse) => void;
                type CancelMigration = {
                  (request: reservoir.veem.v1.ICancelMigrationRequest, callback: reservoir.veem.v1.VmService.CancelMigrationCallback): void;
                  (request: reservoir.veem.v1.ICancelMigrationRequest): Promise<reservoir.veem.v1.VmTaskResponse>;
                  readonly name: "CancelMigration";
                  readonly path: "/reservoir.veem.v1.VmService/CancelMigration";
                  readonly requestType: "CancelMigrationRequest";
                  readonly responseType: "VmTaskResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ResizeVmCallback = (error: (Error|null), response?: reservoir.veem.v1.VmTaskResponse) => void;
                type ResizeVm = {
                  (request: reservoir.veem.v1.IResizeVmRequest, callback: reservoir.veem.v1.VmService.ResizeVmCallback): void;
                  (request: reservoir.veem.v1.IResizeVmRequest): Promise<reservoir.veem.v1.VmTaskResponse>;
                  readonly name: "ResizeVm";
                  readonly path: "/reservoir.veem.v1.VmService/ResizeVm";
                  readonly requestType: "ResizeVmRequest";
                  readonly responseType: "VmTaskResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type SnapshotVmCallback = (error: (Error|null), response?: reservoir.veem.v1.VmTaskResponse) => void;
                type SnapshotVm = {
                  (request: reservoir.veem.v1.ISnapshotVmRequest, callback: reservoir.veem.v1.VmService.SnapshotVmCallback): void;
                  (request: reservoir.veem.v1.ISnapshotVmRequest): Promise<reservoir.veem.v1.VmTaskResponse>;
                  readonly name: "SnapshotVm";
                  readonly path: "/reservoir.veem.v1.VmService/SnapshotVm";
                  readonly requestType: "SnapshotVmRequest";
                  readonly responseType: "VmTaskResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type RevertVmCallback = (error: (Error|null), response?: reservoir.veem.v1.VmTaskResponse) => void;
                type RevertVm = {
                  (request: reservoir.veem.v1.ISnapshotVmRequest, callback: reservoir.veem.v1.VmService.RevertVmCallback): void;
                  (request: reservoir.veem.v1.ISnapshotVmRequest): Promise<reservoir.veem.v1.VmTaskResponse>;
                  readonly name: "RevertVm";
                  readonly path: "/reservoir.veem.v1.VmService/RevertVm";
                  readonly requestType: "SnapshotVmRequest";
                  readonly responseType: "VmTaskResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
            }

            interface IHost extends reservoir.veem.v1.Host.$Properties {
            }

            class Host {
                constructor(properties?: reservoir.veem.v1.Host.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                name: string;
                state: string;
                agentEndpoint: string;
                capacity?: (reservoir.common.v1.Resources.$Properties|null);
                used?: (reservoir.common.v1.Resources.$Properties|null);
                overcommit?: (reservoir.common.v1.Overcommit.$Properties|null);
                profile?: (reservoir.common.v1.CapabilityProfile.$Properties|null);
                labels: { [k: string]: string };
                runningVms: number;
                cpuUsedPercent: number;
                memoryUsedMib: number;
                lastSeenMs: number;
                site: string;
                error: string;
                agentHostId: string;
                static create(properties: reservoir.veem.v1.Host.$Shape): reservoir.veem.v1.Host & reservoir.veem.v1.Host.$Shape;
                static create(properties?: reservoir.veem.v1.Host.$Properties): reservoir.veem.v1.Host;
                static encode(message: reservoir.veem.v1.Host.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.Host & reservoir.veem.v1.Host.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.Host;
                static toObject(message: reservoir.veem.v1.Host, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace Host {
                interface $Properties {
                    id?: (string|null);
                    name?: (string|null);
                    state?: (string|null);
                    agentEndpoint?: (string|null);
                    capacity?: (reservoir.common.v1.Resources.$Properties|null);
                    used?: (reservoir.common.v1.Resources.$Properties|null);
                    overcommit?: (reservoir.common.v1.Overcommit.$Properties|null);
                    profile?: (reservoir.common.v1.CapabilityProfile.$Properties|null);
                    labels?: ({ [k: string]: string }|null);
                    runningVms?: (number|null);
                    cpuUsedPercent?: (number|null);
                    memoryUsedMib?: (number|null);
                    lastSeenMs?: (number|null);
                    site?: (string|null);
                    error?: (string|null);
                    agentHostId?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.Host.$Properties;
            }

            interface IRegisterHostRequest extends reservoir.veem.v1.RegisterHostRequest.$Properties {
            }

            class RegisterHostRequest {
                constructor(properties?: reservoir.veem.v1.RegisterHostRequest.$Properties);
                $unknowns?: Uint8Array[];
                name: string;
                agentEndpoint: string;
                agentHostId: string;
                overcommit?: (reservoir.common.v1.Overcommit.$Properties|null);
                labels: { [k: string]: string };
                static create(properties: reservoir.veem.v1.RegisterHostRequest.$Shape): reservoir.veem.v1.RegisterHostRequest & reservoir.veem.v1.RegisterHostRequest.$Shape;
                static create(properties?: reservoir.veem.v1.RegisterHostRequest.$Properties): reservoir.veem.v1.RegisterHostRequest;
                static encode(message: reservoir.veem.v1.RegisterHostRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.RegisterHostRequest & reservoir.veem.v1.RegisterHostRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.RegisterHostRequest;
                static toObject(message: reservoir.veem.v1.RegisterHostRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace RegisterHostRequest {
                interface $Properties {
                    name?: (string|null);
                    agentEndpoint?: (string|null);
                    agentHostId?: (string|null);
                    overcommit?: (reservoir.common.v1.Overcommit.$Properties|null);
                    labels?: ({ [k: string]: string }|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.RegisterHostRequest.$Properties;
            }

            interface IGetHostRequest extends reservoir.veem.v1.GetHostRequest.$Properties {
            }

            class GetHostRequest {
                constructor(properties?: reservoir.veem.v1.GetHostRequest.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                static create(properties: reservoir.veem.v1.GetHostRequest.$Shape): reservoir.veem.v1.GetHostRequest & reservoir.veem.v1.GetHostRequest.$Shape;
                static create(properties?: reservoir.veem.v1.GetHostRequest.$Properties): reservoir.veem.v1.GetHostRequest;
                static encode(message: reservoir.veem.v1.GetHostRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.GetHostRequest & reservoir.veem.v1.GetHostRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.GetHostRequest;
                static toObject(message: reservoir.veem.v1.GetHostRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace GetHostRequest {
                interface $Properties {
                    id?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.GetHostRequest.$Properties;
            }

            interface IListHostsRequest extends reservoir.veem.v1.ListHostsRequest.$Properties {
            }

            class ListHostsRequest {
                constructor(properties?: reservoir.veem.v1.ListHostsRequest.$Properties);
                $unknowns?: Uint8Array[];
                static create(properties: reservoir.veem.v1.ListHostsRequest.$Shape): reservoir.veem.v1.ListHostsRequest & reservoir.veem.v1.ListHostsRequest.$Shape;
                static create(properties?: reservoir.veem.v1.ListHostsRequest.$Properties): reservoir.veem.v1.ListHostsRequest;
                static encode(message: reservoir.veem.v1.ListHostsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.ListHostsRequest & reservoir.veem.v1.ListHostsRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.ListHostsRequest;
                static toObject(message: reservoir.veem.v1.ListHostsRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListHostsRequest {
                interface $Properties {
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.ListHostsRequest.$Properties;
            }

            interface IListHostsResponse extends reservoir.veem.v1.ListHostsResponse.$Properties {
            }

            class ListHostsResponse {
                constructor(properties?: reservoir.veem.v1.ListHostsResponse.$Properties);
                $unknowns?: Uint8Array[];
                hosts: reservoir.veem.v1.Host.$Properties[];
                static create(properties: reservoir.veem.v1.ListHostsResponse.$Shape): reservoir.veem.v1.ListHostsResponse & reservoir.veem.v1.ListHostsResponse.$Shape;
                static create(properties?: reservoir.veem.v1.ListHostsResponse.$Properties): reservoir.veem.v1.ListHostsResponse;
                static encode(message: reservoir.veem.v1.ListHostsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.ListHostsResponse & reservoir.veem.v1.ListHostsResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.ListHostsResponse;
                static toObject(message: reservoir.veem.v1.ListHostsResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListHostsResponse {
                interface $Properties {
                    hosts?: (reservoir.veem.v1.Host.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.ListHostsResponse.$Properties;
            }

            enum HostAction {
                HOST_ACTION_UNSPECIFIED = 0,
                HOST_ACTION_ENABLE = 1,
                HOST_ACTION_DISABLE = 2,
                HOST_ACTION_MAINTENANCE = 3
            }

            interface IHostActionRequest extends reservoir.veem.v1.HostActionRequest.$Properties {
            }

            class HostActionRequest {
                constructor(properties?: reservoir.veem.v1.HostActionRequest.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                action: reservoir.veem.v1.HostAction;
                static create(properties: reservoir.veem.v1.HostActionRequest.$Shape): reservoir.veem.v1.HostActionRequest & reservoir.veem.v1.HostActionRequest.$Shape;
                static create(properties?: reservoir.veem.v1.HostActionRequest.$Properties): reservoir.veem.v1.HostActionRequest;
                static encode(message: reservoir.veem.v1.HostActionRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.HostActionRequest & reservoir.veem.v1.HostActionRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.HostActionRequest;
                static toObject(message: reservoir.veem.v1.HostActionRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace HostActionRequest {
                interface $Properties {
                    id?: (string|null);
                    action?: (reservoir.veem.v1.HostAction|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.HostActionRequest.$Properties;
            }

            interface IRemoveHostRequest extends reservoir.veem.v1.RemoveHostRequest.$Properties {
            }

            class RemoveHostRequest {
                constructor(properties?: reservoir.veem.v1.RemoveHostRequest.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                static create(properties: reservoir.veem.v1.RemoveHostRequest.$Shape): reservoir.veem.v1.RemoveHostRequest & reservoir.veem.v1.RemoveHostRequest.$Shape;
                static create(properties?: reservoir.veem.v1.RemoveHostRequest.$Properties): reservoir.veem.v1.RemoveHostRequest;
                static encode(message: reservoir.veem.v1.RemoveHostRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.RemoveHostRequest & reservoir.veem.v1.RemoveHostRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.RemoveHostRequest;
                static toObject(message: reservoir.veem.v1.RemoveHostRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace RemoveHostRequest {
                interface $Properties {
                    id?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.RemoveHostRequest.$Properties;
            }

            interface IUpdateHostRequest extends reservoir.veem.v1.UpdateHostRequest.$Properties {
            }

            class UpdateHostRequest {
                constructor(properties?: reservoir.veem.v1.UpdateHostRequest.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                overcommit?: (reservoir.common.v1.Overcommit.$Properties|null);
                labels: { [k: string]: string };
                static create(properties: reservoir.veem.v1.UpdateHostRequest.$Shape): reservoir.veem.v1.UpdateHostRequest & reservoir.veem.v1.UpdateHostRequest.$Shape;
                static create(properties?: reservoir.veem.v1.UpdateHostRequest.$Properties): reservoir.veem.v1.UpdateHostRequest;
                static encode(message: reservoir.veem.v1.UpdateHostRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.UpdateHostRequest & reservoir.veem.v1.UpdateHostRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.UpdateHostRequest;
                static toObject(message: reservoir.veem.v1.UpdateHostRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace UpdateHostRequest {
                interface $Properties {
                    id?: (string|null);
                    overcommit?: (reservoir.common.v1.Overcommit.$Properties|null);
                    labels?: ({ [k: string]: string }|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.UpdateHostRequest.$Properties;
            }

            interface IHostTaskResponse extends reservoir.veem.v1.HostTaskResponse.$Properties {
            }

            class HostTaskResponse {
                constructor(properties?: reservoir.veem.v1.HostTaskResponse.$Properties);
                $unknowns?: Uint8Array[];
                host?: (reservoir.veem.v1.Host.$Properties|null);
                task?: (reservoir.common.v1.Task.$Properties|null);
                static create(properties: reservoir.veem.v1.HostTaskResponse.$Shape): reservoir.veem.v1.HostTaskResponse & reservoir.veem.v1.HostTaskResponse.$Shape;
                static create(properties?: reservoir.veem.v1.HostTaskResponse.$Properties): reservoir.veem.v1.HostTaskResponse;
                static encode(message: reservoir.veem.v1.HostTaskResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.HostTaskResponse & reservoir.veem.v1.HostTaskResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.HostTaskResponse;
                static toObject(message: reservoir.veem.v1.HostTaskResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace HostTaskResponse {
                interface $Properties {
                    host?: (reservoir.veem.v1.Host.$Properties|null);
                    task?: (reservoir.common.v1.Task.$Properties|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.HostTaskResponse.$Properties;
            }

            class HostService extends $protobuf.rpc.Service {
                constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);
                static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): HostService;
                registerHost: reservoir.veem.v1.HostService.RegisterHost;
                getHost: reservoir.veem.v1.HostService.GetHost;
                listHosts: reservoir.veem.v1.HostService.ListHosts;
                actOnHost: reservoir.veem.v1.HostService.ActOnHost;
                updateHost: reservoir.veem.v1.HostService.UpdateHost;
                removeHost: reservoir.veem.v1.HostService.RemoveHost;
            }

            namespace HostService {
                type RegisterHostCallback = (error: (Error|null), response?: reservoir.veem.v1.Host) => void;
                type RegisterHost = {
                  (request: reservoir.veem.v1.IRegisterHostRequest, callback: reservoir.veem.v1.HostService.RegisterHostCallback): void;
                  (request: reservoir.veem.v1.IRegisterHostRequest): Promise<reservoir.veem.v1.Host>;
                  readonly name: "RegisterHost";
                  readonly path: "/reservoir.veem.v1.HostService/RegisterHost";
                  readonly requestType: "RegisterHostRequest";
                  readonly responseType: "Host";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type GetHostCallback = (error: (Error|null), response?: reservoir.veem.v1.Host) => void;
                type GetHost = {
                  (request: reservoir.veem.v1.IGetHostRequest, callback: reservoir.veem.v1.HostService.GetHostCallback): void;
                  (request: reservoir.veem.v1.IGetHostRequest): Promise<reservoir.veem.v1.Host>;
                  readonly name: "GetHost";
                  readonly path: "/reservoir.veem.v1.HostService/GetHost";
                  readonly requestType: "GetHostRequest";
                  readonly responseType: "Host";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ListHostsCallback = (error: (Error|null), response?: reservoir.veem.v1.ListHostsResponse) => void;
                type ListHosts = {
                  (request: reservoir.veem.v1.IListHostsRequest, callback: reservoir.veem.v1.HostService.ListHostsCallback): void;
                  (request: reservoir.veem.v1.IListHostsRequest): Promise<reservoir.veem.v1.ListHostsResponse>;
                  readonly name: "ListHosts";
                  readonly path: "/reservoir.veem.v1.HostService/ListHosts";
                  readonly requestType: "ListHostsRequest";
                  readonly responseType: "ListHostsResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ActOnHostCallback = (error: (Error|null), response?: reservoir.veem.v1.HostTaskResponse) => void;
                type ActOnHost = {
                  (request: reservoir.veem.v1.IHostActionRequest, callback: reservoir.veem.v1.HostService.ActOnHostCallback): void;
                  (request: reservoir.veem.v1.IHostActionRequest): Promise<reservoir.veem.v1.HostTaskResponse>;
                  readonly name: "ActOnHost";
                  readonly path: "/reservoir.veem.v1.HostService/ActOnHost";
                  readonly requestType: "HostActionRequest";
                  readonly responseType: "HostTaskResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type UpdateHostCallback = (error: (Error|null), response?: reservoir.veem.v1.Host) => void;
                type UpdateHost = {
                  (request: reservoir.veem.v1.IUpdateHostRequest, callback: reservoir.veem.v1.HostService.UpdateHostCallback): void;
                  (request: reservoir.veem.v1.IUpdateHostRequest): Promise<reservoir.veem.v1.Host>;
                  readonly name: "UpdateHost";
                  readonly path: "/reservoir.veem.v1.HostService/UpdateHost";
                  readonly requestType: "UpdateHostRequest";
                  readonly responseType: "Host";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type RemoveHostCallback = (error: (Error|null), response?: reservoir.veem.v1.Host) => void;
                type RemoveHost = {
                  (request: reservoir.veem.v1.IRemoveHostRequest, callback: reservoir.veem.v1.HostService.RemoveHostCallback): void;
                  (request: reservoir.veem.v1.IRemoveHostRequest): Promise<reservoir.veem.v1.Host>;
                  readonly name: "RemoveHost";
                  readonly path: "/reservoir.veem.v1.HostService/RemoveHost";
                  readonly requestType: "RemoveHostRequest";
                  readonly responseType: "Host";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
            }

            interface IImage extends reservoir.veem.v1.Image.$Properties {
            }

            class Image {
                constructor(properties?: reservoir.veem.v1.Image.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                name: string;
                format: string;
                sizeMib: number;
                checksum: string;
                organization: string;
                owner: string;
                state: string;
                source: string;
                createdAtMs: number;
                runningVms: number;
                static create(properties: reservoir.veem.v1.Image.$Shape): reservoir.veem.v1.Image & reservoir.veem.v1.Image.$Shape;
                static create(properties?: reservoir.veem.v1.Image.$Properties): reservoir.veem.v1.Image;
                static encode(message: reservoir.veem.v1.Image.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.Image & reservoir.veem.v1.Image.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.Image;
                static toObject(message: reservoir.veem.v1.Image, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace Image {
                interface $Properties {
                    id?: (string|null);
                    name?: (string|null);
                    format?: (string|null);
                    sizeMib?: (number|null);
                    checksum?: (string|null);
                    organization?: (string|null);
                    owner?: (string|null);
                    state?: (string|null);
                    source?: (string|null);
                    createdAtMs?: (number|null);
                    runningVms?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.Image.$Properties;
            }

            interface IRegisterImageRequest extends reservoir.veem.v1.RegisterImageRequest.$Properties {
            }

            class RegisterImageRequest {
                constructor(properties?: reservoir.veem.v1.RegisterImageRequest.$Properties);
                $unknowns?: Uint8Array[];
                name: string;
                format: string;
                sizeMib: number;
                checksum: string;
                source: string;
                organization: string;
                owner: string;
                static create(properties: reservoir.veem.v1.RegisterImageRequest.$Shape): reservoir.veem.v1.RegisterImageRequest & reservoir.veem.v1.RegisterImageRequest.$Shape;
                static create(properties?: reservoir.veem.v1.RegisterImageRequest.$Properties): reservoir.veem.v1.RegisterImageRequest;
                static encode(message: reservoir.veem.v1.RegisterImageRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.RegisterImageRequest & reservoir.veem.v1.RegisterImageRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.RegisterImageRequest;
                static toObject(message: reservoir.veem.v1.RegisterImageRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace RegisterImageRequest {
                interface $Properties {
                    name?: (string|null);
                    format?: (string|null);
                    sizeMib?: (number|null);
                    checksum?: (string|null);
                    source?: (string|null);
                    organization?: (string|null);
                    owner?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.RegisterImageRequest.$Properties;
            }

            interface IGetImageRequest extends reservoir.veem.v1.GetImageRequest.$Properties {
            }

            class GetImageRequest {
                constructor(properties?: reservoir.veem.v1.GetImageRequest.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                static create(properties: reservoir.veem.v1.GetImageRequest.$Shape): reservoir.veem.v1.GetImageRequest & reservoir.veem.v1.GetImageRequest.$Shape;
                static create(properties?: reservoir.veem.v1.GetImageRequest.$Properties): reservoir.veem.v1.GetImageRequest;
                static encode(message: reservoir.veem.v1.GetImageRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.GetImageRequest & reservoir.veem.v1.GetImageRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.GetImageRequest;
                static toObject(message: reservoir.veem.v1.GetImageRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace GetImageRequest {
                interface $Properties {
                    id?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.GetImageRequest.$Properties;
            }

            interface IListImagesRequest extends reservoir.veem.v1.ListImagesRequest.$Properties {
            }

            class ListImagesRequest {
                constructor(properties?: reservoir.veem.v1.ListImagesRequest.$Properties);
                $unknowns?: Uint8Array[];
                organization: string;
                static create(properties: reservoir.veem.v1.ListImagesRequest.$Shape): reservoir.veem.v1.ListImagesRequest & reservoir.veem.v1.ListImagesRequest.$Shape;
                static create(properties?: reservoir.veem.v1.ListImagesRequest.$Properties): reservoir.veem.v1.ListImagesRequest;
                static encode(message: reservoir.veem.v1.ListImagesRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.ListImagesRequest & reservoir.veem.v1.ListImagesRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.ListImagesRequest;
                static toObject(message: reservoir.veem.v1.ListImagesRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListImagesRequest {
                interface $Properties {
                    organization?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.ListImagesRequest.$Properties;
            }

            interface IListImagesResponse extends reservoir.veem.v1.ListImagesResponse.$Properties {
            }

            class ListImagesResponse {
                constructor(properties?: reservoir.veem.v1.ListImagesResponse.$Properties);
                $unknowns?: Uint8Array[];
                images: reservoir.veem.v1.Image.$Properties[];
                static create(properties: reservoir.veem.v1.ListImagesResponse.$Shape): reservoir.veem.v1.ListImagesResponse & reservoir.veem.v1.ListImagesResponse.$Shape;
                static create(properties?: reservoir.veem.v1.ListImagesResponse.$Properties): reservoir.veem.v1.ListImagesResponse;
                static encode(message: reservoir.veem.v1.ListImagesResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.ListImagesResponse & reservoir.veem.v1.ListImagesResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.ListImagesResponse;
                static toObject(message: reservoir.veem.v1.ListImagesResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListImagesResponse {
                interface $Properties {
                    images?: (reservoir.veem.v1.Image.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.ListImagesResponse.$Properties;
            }

            interface ICloneImageRequest extends reservoir.veem.v1.CloneImageRequest.$Properties {
            }

            class CloneImageRequest {
                constructor(properties?: reservoir.veem.v1.CloneImageRequest.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                name: string;
                static create(properties: reservoir.veem.v1.CloneImageRequest.$Shape): reservoir.veem.v1.CloneImageRequest & reservoir.veem.v1.CloneImageRequest.$Shape;
                static create(properties?: reservoir.veem.v1.CloneImageRequest.$Properties): reservoir.veem.v1.CloneImageRequest;
                static encode(message: reservoir.veem.v1.CloneImageRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.CloneImageRequest & reservoir.veem.v1.CloneImageRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.CloneImageRequest;
                static toObject(message: reservoir.veem.v1.CloneImageRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace CloneImageRequest {
                interface $Properties {
                    id?: (string|null);
                    name?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.CloneImageRequest.$Properties;
            }

            interface IDeleteImageRequest extends reservoir.veem.v1.DeleteImageRequest.$Properties {
            }

            class DeleteImageRequest {
                constructor(properties?: reservoir.veem.v1.DeleteImageRequest.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                static create(properties: reservoir.veem.v1.DeleteImageRequest.$Shape): reservoir.veem.v1.DeleteImageRequest & reservoir.veem.v1.DeleteImageRequest.$Shape;
                static create(properties?: reservoir.veem.v1.DeleteImageRequest.$Properties): reservoir.veem.v1.DeleteImageRequest;
                static encode(message: reservoir.veem.v1.DeleteImageRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.DeleteImageRequest & reservoir.veem.v1.DeleteImageRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.DeleteImageRequest;
                static toObject(message: reservoir.veem.v1.DeleteImageRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace DeleteImageRequest {
                interface $Properties {
                    id?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.DeleteImageRequest.$Properties;
            }

            class ImageService extends $protobuf.rpc.Service {
                constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);
                static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): ImageService;
                registerImage: reservoir.veem.v1.ImageService.RegisterImage;
                getImage: reservoir.veem.v1.ImageService.GetImage;
                listImages: reservoir.veem.v1.ImageService.ListImages;
                cloneImage: reservoir.veem.v1.ImageService.CloneImage;
                deleteImage: reservoir.veem.v1.ImageService.DeleteImage;
            }

            namespace ImageService {
                type RegisterImageCallback = (error: (Error|null), response?: reservoir.veem.v1.Image) => void;
                type RegisterImage = {
                  (request: reservoir.veem.v1.IRegisterImageRequest, callback: reservoir.veem.v1.ImageService.RegisterImageCallback): void;
                  (request: reservoir.veem.v1.IRegisterImageRequest): Promise<reservoir.veem.v1.Image>;
                  readonly name: "RegisterImage";
                  readonly path: "/reservoir.veem.v1.ImageService/RegisterImage";
                  readonly requestType: "RegisterImageRequest";
                  readonly responseType: "Image";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type GetImageCallback = (error: (Error|null), response?: reservoir.veem.v1.Image) => void;
                type GetImage = {
                  (request: reservoir.veem.v1.IGetImageRequest, callback: reservoir.veem.v1.ImageService.GetImageCallback): void;
                  (request: reservoir.veem.v1.IGetImageRequest): Promise<reservoir.veem.v1.Image>;
                  readonly name: "GetImage";
                  readonly path: "/reservoir.veem.v1.ImageService/GetImage";
                  readonly requestType: "GetImageRequest";
                  readonly responseType: "Image";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ListImagesCallback = (error: (Error|null), response?: reservoir.veem.v1.ListImagesResponse) => void;
                type ListImages = {
                  (request: reservoir.veem.v1.IListImagesRequest, callback: reservoir.veem.v1.ImageService.ListImagesCallback): void;
                  (request: reservoir.veem.v1.IListImagesRequest): Promise<reservoir.veem.v1.ListImagesResponse>;
                  readonly name: "ListImages";
                  readonly path: "/reservoir.veem.v1.ImageService/ListImages";
                  readonly requestType: "ListImagesRequest";
                  readonly responseType: "ListImagesResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type CloneImageCallback = (error: (Error|null), response?: reservoir.veem.v1.Image) => void;
                type CloneImage = {
                  (request: reservoir.veem.v1.ICloneImageRequest, callback: reservoir.veem.v1.ImageService.CloneImageCallback): void;
                  (request: reservoir.veem.v1.ICloneImageRequest): Promise<reservoir.veem.v1.Image>;
                  readonly name: "CloneImage";
                  readonly path: "/reservoir.veem.v1.ImageService/CloneImage";
                  readonly requestType: "CloneImageRequest";
                  readonly responseType: "Image";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type DeleteImageCallback = (error: (Error|null), response?: reservoir.veem.v1.Image) => void;
                type DeleteImage = {
                  (request: reservoir.veem.v1.IDeleteImageRequest, callback: reservoir.veem.v1.ImageService.DeleteImageCallback): void;
                  (request: reservoir.veem.v1.IDeleteImageRequest): Promise<reservoir.veem.v1.Image>;
                  readonly name: "DeleteImage";
                  readonly path: "/reservoir.veem.v1.ImageService/DeleteImage";
                  readonly requestType: "DeleteImageRequest";
                  readonly responseType: "Image";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
            }

            interface INetwork extends reservoir.veem.v1.Network.$Properties {
            }

            class Network {
                constructor(properties?: reservoir.veem.v1.Network.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                name: string;
                cidr: string;
                gateway: string;
                rangeStart: string;
                rangeEnd: string;
                size: number;
                used: number;
                organization: string;
                scope: string;
                vlan: number;
                static create(properties: reservoir.veem.v1.Network.$Shape): reservoir.veem.v1.Network & reservoir.veem.v1.Network.$Shape;
                static create(properties?: reservoir.veem.v1.Network.$Properties): reservoir.veem.v1.Network;
                static encode(message: reservoir.veem.v1.Network.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.Network & reservoir.veem.v1.Network.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.Network;
                static toObject(message: reservoir.veem.v1.Network, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace Network {
                interface $Properties {
                    id?: (string|null);
                    name?: (string|null);
                    cidr?: (string|null);
                    gateway?: (string|null);
                    rangeStart?: (string|null);
                    rangeEnd?: (string|null);
                    size?: (number|null);
                    used?: (number|null);
                    organization?: (string|null);
                    scope?: (string|null);
                    vlan?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.Network.$Properties;
            }

            interface ICreateNetworkRequest extends reservoir.veem.v1.CreateNetworkRequest.$Properties {
            }

            class CreateNetworkRequest {
                constructor(properties?: reservoir.veem.v1.CreateNetworkRequest.$Properties);
                $unknowns?: Uint8Array[];
                name: string;
                cidr: string;
                rangeStart: string;
                rangeEnd: string;
                organization: string;
                scope: string;
                vlan: number;
                static create(properties: reservoir.veem.v1.CreateNetworkRequest.$Shape): reservoir.veem.v1.CreateNetworkRequest & reservoir.veem.v1.CreateNetworkRequest.$Shape;
                static create(properties?: reservoir.veem.v1.CreateNetworkRequest.$Properties): reservoir.veem.v1.CreateNetworkRequest;
                static encode(message: reservoir.veem.v1.CreateNetworkRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.CreateNetworkRequest & reservoir.veem.v1.CreateNetworkRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.CreateNetworkRequest;
                static toObject(message: reservoir.veem.v1.CreateNetworkRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace CreateNetworkRequest {
                interface $Properties {
                    name?: (string|null);
                    cidr?: (string|null);
                    rangeStart?: (string|null);
                    rangeEnd?: (string|null);
                    organization?: (string|null);
                    scope?: (string|null);
                    vlan?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.CreateNetworkRequest.$Properties;
            }

            interface IGetNetworkRequest extends reservoir.veem.v1.GetNetworkRequest.$Properties {
            }

            class GetNetworkRequest {
                constructor(properties?: reservoir.veem.v1.GetNetworkRequest.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                static create(properties: reservoir.veem.v1.GetNetworkRequest.$Shape): reservoir.veem.v1.GetNetworkRequest & reservoir.veem.v1.GetNetworkRequest.$Shape;
                static create(properties?: reservoir.veem.v1.GetNetworkRequest.$Properties): reservoir.veem.v1.GetNetworkRequest;
                static encode(message: reservoir.veem.v1.GetNetworkRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.GetNetworkRequest & reservoir.veem.v1.GetNetworkRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.GetNetworkRequest;
                static toObject(message: reservoir.veem.v1.GetNetworkRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace GetNetworkRequest {
                interface $Properties {
                    id?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.GetNetworkRequest.$Properties;
            }

            interface IListNetworksRequest extends reservoir.veem.v1.ListNetworksRequest.$Properties {
            }

            class ListNetworksRequest {
                constructor(properties?: reservoir.veem.v1.ListNetworksRequest.$Properties);
                $unknowns?: Uint8Array[];
                organization: string;
                static create(properties: reservoir.veem.v1.ListNetworksRequest.$Shape): reservoir.veem.v1.ListNetworksRequest & reservoir.veem.v1.ListNetworksRequest.$Shape;
                static create(properties?: reservoir.veem.v1.ListNetworksRequest.$Properties): reservoir.veem.v1.ListNetworksRequest;
                static encode(message: reservoir.veem.v1.ListNetworksRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.ListNetworksRequest & reservoir.veem.v1.ListNetworksRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.ListNetworksRequest;
                static toObject(message: reservoir.veem.v1.ListNetworksRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListNetworksRequest {
                interface $Properties {
                    organization?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.ListNetworksRequest.$Properties;
            }

            interface IListNetworksResponse extends reservoir.veem.v1.ListNetworksResponse.$Properties {
            }

            class ListNetworksResponse {
                constructor(properties?: reservoir.veem.v1.ListNetworksResponse.$Properties);
                $unknowns?: Uint8Array[];
                networks: reservoir.veem.v1.Network.$Properties[];
                static create(properties: reservoir.veem.v1.ListNetworksResponse.$Shape): reservoir.veem.v1.ListNetworksResponse & reservoir.veem.v1.ListNetworksResponse.$Shape;
                static create(properties?: reservoir.veem.v1.ListNetworksResponse.$Properties): reservoir.veem.v1.ListNetworksResponse;
                static encode(message: reservoir.veem.v1.ListNetworksResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.ListNetworksResponse & reservoir.veem.v1.ListNetworksResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.ListNetworksResponse;
                static toObject(message: reservoir.veem.v1.ListNetworksResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListNetworksResponse {
                interface $Properties {
                    networks?: (reservoir.veem.v1.Network.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.ListNetworksResponse.$Properties;
            }

            interface IDeleteNetworkRequest extends reservoir.veem.v1.DeleteNetworkRequest.$Properties {
            }

            class DeleteNetworkRequest {
                constructor(properties?: reservoir.veem.v1.DeleteNetworkRequest.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                static create(properties: reservoir.veem.v1.DeleteNetworkRequest.$Shape): reservoir.veem.v1.DeleteNetworkRequest & reservoir.veem.v1.DeleteNetworkRequest.$Shape;
                static create(properties?: reservoir.veem.v1.DeleteNetworkRequest.$Properties): reservoir.veem.v1.DeleteNetworkRequest;
                static encode(message: reservoir.veem.v1.DeleteNetworkRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.DeleteNetworkRequest & reservoir.veem.v1.DeleteNetworkRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.DeleteNetworkRequest;
                static toObject(message: reservoir.veem.v1.DeleteNetworkRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace DeleteNetworkRequest {
                interface $Properties {
                    id?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.DeleteNetworkRequest.$Properties;
            }

            interface ILease extends reservoir.veem.v1.Lease.$Properties {
            }

            class Lease {
                constructor(properties?: reservoir.veem.v1.Lease.$Properties);
                $unknowns?: Uint8Array[];
                networkId: string;
                ip: string;
                mac: string;
                vmId: string;
                static create(properties: reservoir.veem.v1.Lease.$Shape): reservoir.veem.v1.Lease & reservoir.veem.v1.Lease.$Shape;
                static create(properties?: reservoir.veem.v1.Lease.$Properties): reservoir.veem.v1.Lease;
                static encode(message: reservoir.veem.v1.Lease.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.Lease & reservoir.veem.v1.Lease.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.Lease;
                static toObject(message: reservoir.veem.v1.Lease, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace Lease {
                interface $Properties {
                    networkId?: (string|null);
                    ip?: (string|null);
                    mac?: (string|null);
                    vmId?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.Lease.$Properties;
            }

            interface IListLeasesRequest extends reservoir.veem.v1.ListLeasesRequest.$Properties {
            }

            class ListLeasesRequest {
                constructor(properties?: reservoir.veem.v1.ListLeasesRequest.$Properties);
                $unknowns?: Uint8Array[];
                networkId: string;
                static create(properties: reservoir.veem.v1.ListLeasesRequest.$Shape): reservoir.veem.v1.ListLeasesRequest & reservoir.veem.v1.ListLeasesRequest.$Shape;
                static create(properties?: reservoir.veem.v1.ListLeasesRequest.$Properties): reservoir.veem.v1.ListLeasesRequest;
                static encode(message: reservoir.veem.v1.ListLeasesRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.ListLeasesRequest & reservoir.veem.v1.ListLeasesRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.ListLeasesRequest;
                static toObject(message: reservoir.veem.v1.ListLeasesRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListLeasesRequest {
                interface $Properties {
                    networkId?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.ListLeasesRequest.$Properties;
            }

            interface IListLeasesResponse extends reservoir.veem.v1.ListLeasesResponse.$Properties {
            }

            class ListLeasesResponse {
                constructor(properties?: reservoir.veem.v1.ListLeasesResponse.$Properties);
                $unknowns?: Uint8Array[];
                leases: reservoir.veem.v1.Lease.$Properties[];
                static create(properties: reservoir.veem.v1.ListLeasesResponse.$Shape): reservoir.veem.v1.ListLeasesResponse & reservoir.veem.v1.ListLeasesResponse.$Shape;
                static create(properties?: reservoir.veem.v1.ListLeasesResponse.$Properties): reservoir.veem.v1.ListLeasesResponse;
                static encode(message: reservoir.veem.v1.ListLeasesResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.ListLeasesResponse & reservoir.veem.v1.ListLeasesResponse.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.ListLeasesResponse;
                static toObject(message: reservoir.veem.v1.ListLeasesResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace ListLeasesResponse {
                interface $Properties {
                    leases?: (reservoir.veem.v1.Lease.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.ListLeasesResponse.$Properties;
            }

            class NetworkService extends $protobuf.rpc.Service {
                constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);
                static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): NetworkService;
                createNetwork: reservoir.veem.v1.NetworkService.CreateNetwork;
                getNetwork: reservoir.veem.v1.NetworkService.GetNetwork;
                listNetworks: reservoir.veem.v1.NetworkService.ListNetworks;
                deleteNetwork: reservoir.veem.v1.NetworkService.DeleteNetwork;
                listLeases: reservoir.veem.v1.NetworkService.ListLeases;
            }

            namespace NetworkService {
                type CreateNetworkCallback = (error: (Error|null), response?: reservoir.veem.v1.Network) => void;
                type CreateNetwork = {
                  (request: reservoir.veem.v1.ICreateNetworkRequest, callback: reservoir.veem.v1.NetworkService.CreateNetworkCallback): void;
                  (request: reservoir.veem.v1.ICreateNetworkRequest): Promise<reservoir.veem.v1.Network>;
                  readonly name: "CreateNetwork";
                  readonly path: "/reservoir.veem.v1.NetworkService/CreateNetwork";
                  readonly requestType: "CreateNetworkRequest";
                  readonly responseType: "Network";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type GetNetworkCallback = (error: (Error|null), response?: reservoir.veem.v1.Network) => void;
                type GetNetwork = {
                  (request: reservoir.veem.v1.IGetNetworkRequest, callback: reservoir.veem.v1.NetworkService.GetNetworkCallback): void;
                  (request: reservoir.veem.v1.IGetNetworkRequest): Promise<reservoir.veem.v1.Network>;
                  readonly name: "GetNetwork";
                  readonly path: "/reservoir.veem.v1.NetworkService/GetNetwork";
                  readonly requestType: "GetNetworkRequest";
                  readonly responseType: "Network";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ListNetworksCallback = (error: (Error|null), response?: reservoir.veem.v1.ListNetworksResponse) => void;
                type ListNetworks = {
                  (request: reservoir.veem.v1.IListNetworksRequest, callback: reservoir.veem.v1.NetworkService.ListNetworksCallback): void;
                  (request: reservoir.veem.v1.IListNetworksRequest): Promise<reservoir.veem.v1.ListNetworksResponse>;
                  readonly name: "ListNetworks";
                  readonly path: "/reservoir.veem.v1.NetworkService/ListNetworks";
                  readonly requestType: "ListNetworksRequest";
                  readonly responseType: "ListNetworksResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type DeleteNetworkCallback = (error: (Error|null), response?: reservoir.veem.v1.Network) => void;
                type DeleteNetwork = {
                  (request: reservoir.veem.v1.IDeleteNetworkRequest, callback: reservoir.veem.v1.NetworkService.DeleteNetworkCallback): void;
                  (request: reservoir.veem.v1.IDeleteNetworkRequest): Promise<reservoir.veem.v1.Network>;
                  readonly name: "DeleteNetwork";
                  readonly path: "/reservoir.veem.v1.NetworkService/DeleteNetwork";
                  readonly requestType: "DeleteNetworkRequest";
                  readonly responseType: "Network";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type ListLeasesCallback = (error: (Error|null), response?: reservoir.veem.v1.ListLeasesResponse) => void;
                type ListLeases = {
                  (request: reservoir.veem.v1.IListLeasesRequest, callback: reservoir.veem.v1.NetworkService.ListLeasesCallback): void;
                  (request: reservoir.veem.v1.IListLeasesRequest): Promise<reservoir.veem.v1.ListLeasesResponse>;
                  readonly name: "ListLeases";
                  readonly path: "/reservoir.veem.v1.NetworkService/ListLeases";
                  readonly requestType: "ListLeasesRequest";
                  readonly responseType: "ListLeasesResponse";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
            }

            interface IQuota extends reservoir.veem.v1.Quota.$Properties {
            }

            class Quota {
                constructor(properties?: reservoir.veem.v1.Quota.$Properties);
                $unknowns?: Uint8Array[];
                organization: string;
                maxVms: number;
                maxVcpus: number;
                maxMemoryMib: number;
                maxDiskMib: number;
                usedVms: number;
                usedVcpus: number;
                usedMemoryMib: number;
                usedDiskMib: number;
                static create(properties: reservoir.veem.v1.Quota.$Shape): reservoir.veem.v1.Quota & reservoir.veem.v1.Quota.$Shape;
                static create(properties?: reservoir.veem.v1.Quota.$Properties): reservoir.veem.v1.Quota;
                static encode(message: reservoir.veem.v1.Quota.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.Quota & reservoir.veem.v1.Quota.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.Quota;
                static toObject(message: reservoir.veem.v1.Quota, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace Quota {
                interface $Properties {
                    organization?: (string|null);
                    maxVms?: (number|null);
                    maxVcpus?: (number|null);
                    maxMemoryMib?: (number|null);
                    maxDiskMib?: (number|null);
                    usedVms?: (number|null);
                    usedVcpus?: (number|null);
                    usedMemoryMib?: (number|null);
                    usedDiskMib?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.Quota.$Properties;
            }

            interface IGetQuotaRequest extends reservoir.veem.v1.GetQuotaRequest.$Properties {
            }

            class GetQuotaRequest {
                constructor(properties?: reservoir.veem.v1.GetQuotaRequest.$Properties);
                $unknowns?: Uint8Array[];
                organization: string;
                static create(properties: reservoir.veem.v1.GetQuotaRequest.$Shape): reservoir.veem.v1.GetQuotaRequest & reservoir.veem.v1.GetQuotaRequest.$Shape;
                static create(properties?: reservoir.veem.v1.GetQuotaRequest.$Properties): reservoir.veem.v1.GetQuotaRequest;
                static encode(message: reservoir.veem.v1.GetQuotaRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.GetQuotaRequest & reservoir.veem.v1.GetQuotaRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.GetQuotaRequest;
                static toObject(message: reservoir.veem.v1.GetQuotaRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace GetQuotaRequest {
                interface $Properties {
                    organization?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.GetQuotaRequest.$Properties;
            }

            interface ISetQuotaRequest extends reservoir.veem.v1.SetQuotaRequest.$Properties {
            }

            class SetQuotaRequest {
                constructor(properties?: reservoir.veem.v1.SetQuotaRequest.$Properties);
                $unknowns?: Uint8Array[];
                quota?: (reservoir.veem.v1.Quota.$Properties|null);
                static create(properties: reservoir.veem.v1.SetQuotaRequest.$Shape): reservoir.veem.v1.SetQuotaRequest & reservoir.veem.v1.SetQuotaRequest.$Shape;
                static create(properties?: reservoir.veem.v1.SetQuotaRequest.$Properties): reservoir.veem.v1.SetQuotaRequest;
                static encode(message: reservoir.veem.v1.SetQuotaRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): reservoir.veem.v1.SetQuotaRequest & reservoir.veem.v1.SetQuotaRequest.$Shape;
                static fromObject(object: { [k: string]: any }): reservoir.veem.v1.SetQuotaRequest;
                static toObject(message: reservoir.veem.v1.SetQuotaRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
            }

            namespace SetQuotaRequest {
                interface $Properties {
                    quota?: (reservoir.veem.v1.Quota.$Properties|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = reservoir.veem.v1.SetQuotaRequest.$Properties;
            }

            class QuotaService extends $protobuf.rpc.Service {
                constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);
                static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): QuotaService;
                getQuota: reservoir.veem.v1.QuotaService.GetQuota;
                setQuota: reservoir.veem.v1.QuotaService.SetQuota;
            }

            namespace QuotaService {
                type GetQuotaCallback = (error: (Error|null), response?: reservoir.veem.v1.Quota) => void;
                type GetQuota = {
                  (request: reservoir.veem.v1.IGetQuotaRequest, callback: reservoir.veem.v1.QuotaService.GetQuotaCallback): void;
                  (request: reservoir.veem.v1.IGetQuotaRequest): Promise<reservoir.veem.v1.Quota>;
                  readonly name: "GetQuota";
                  readonly path: "/reservoir.veem.v1.QuotaService/GetQuota";
                  readonly requestType: "GetQuotaRequest";
                  readonly responseType: "Quota";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
                type SetQuotaCallback = (error: (Error|null), response?: reservoir.veem.v1.Quota) => void;
                type SetQuota = {
                  (request: reservoir.veem.v1.ISetQuotaRequest, callback: reservoir.veem.v1.QuotaService.SetQuotaCallback): void;
                  (request: reservoir.veem.v1.ISetQuotaRequest): Promise<reservoir.veem.v1.Quota>;
                  readonly name: "SetQuota";
                  readonly path: "/reservoir.veem.v1.QuotaService/SetQuota";
                  readonly requestType: "SetQuotaRequest";
                  readonly responseType: "Quota";
                  readonly requestStream: undefined;
                  readonly responseStream: undefined;
                };
            }
        }
    }
}
